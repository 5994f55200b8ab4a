package org.spascheduler.books;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the front desk reads back: an event with every session it changed, and whom to call. */
public final class EventViews {

    private EventViews() {
    }

    /** A session's place: therapist, room and start (nothing when it has none). */
    public record PlaceView(@Nullable String therapistId, @Nullable String therapist, @Nullable String roomId,
            @Nullable String room, @Nullable LocalDateTime startsAt) {
    }

    /**
     * One session the event changed. The front desk is staff: it sees the client's contact details, to call them.
     *
     * @param kept false when the session lost its place: call the client
     */
    public record ChangeView(String appointmentId, String clientId, String client, @Nullable String phone,
            @Nullable String email, String treatment, PlaceView from, PlaceView to, boolean kept, String why) {
    }

    /**
     * An event as recorded, with what the repair did.
     *
     * @param changed every session whose therapist, room or time changed, or that was placed or lost its place
     * @param toCall the clients of sessions that changed and had been told a time, or lost their place
     */
    public record EventView(long id, BooksEventKind kind, LocalDate weekStart, String actor,
            @Nullable String reason,
            Instant recordedAt, @Nullable String appointmentId, @Nullable String therapistId, @Nullable String roomId,
            @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, boolean late, @Nullable String score,
            List<ChangeView> changed, List<ChangeView> toCall) {
    }
}
