package org.spascheduler.books;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Something that happened at the front desk, as recorded: what, who and why, what it was about, and every session the
 * roster repair changed because of it.
 *
 * @param late a cancellation at short notice (the spa's own policy decides what that costs the client)
 * @param score the week's score after the repair
 */
@Table("FRONT_DESK_EVENT")
public record BooksEvent(@Id @Nullable Long id, LocalDate weekStart, BooksEventKind kind, String actor,
        @Nullable String reason, Instant recordedAt, @Nullable String appointmentId, @Nullable String therapistId,
        @Nullable String roomId, @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, boolean late,
        @Nullable String score,
        @MappedCollection(idColumn = "EVENT_ID", keyColumn = "POSITION") List<Change> changes,
        @Version @Nullable Integer version) {

    /**
     * One session the event changed.
     *
     * @param kept false when the session lost its place
     * @param promised the client had been told the place it had before
     */
    @Table("FRONT_DESK_CHANGE")
    public record Change(String appointmentId, String clientId, String treatmentId, @Nullable String fromTherapistId,
            @Nullable String fromRoomId, @Nullable LocalDateTime fromStartsAt, @Nullable String toTherapistId,
            @Nullable String toRoomId, @Nullable LocalDateTime toStartsAt, boolean kept, boolean promised, String why) {
    }
}
