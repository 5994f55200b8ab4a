package org.spascheduler.books;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.Placement;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.common.Weeks;
import org.spascheduler.web.Ids;

/**
 * A slot option booked for a client: the session is stored confirmed where the client was told. The caller checked
 * the session and the place against the records; the books check that the place is still free (the hard-rule guard).
 */
public record SlotBooking(String clientId, String treatmentId, int durationMinutes, LocalDateTime windowStart,
        LocalDateTime windowEnd, Placement place, @Nullable String reason) implements BookChange<StoredAppointment> {

    @Override
    public BooksEventKind kind() {
        return BooksEventKind.BOOKING;
    }

    @Override
    public SortedSet<LocalDate> weeks(BooksAccess books) {
        return BooksAccess.only(Weeks.weekStartOf(windowStart));
    }

    @Override
    public Written<StoredAppointment> apply(BooksAccess books, SortedSet<LocalDate> lockedWeeks, String actor) {
        var booked = books.appointments.save(new StoredAppointment(Ids.generate("appointment"), clientId, treatmentId,
                durationMinutes, windowStart, windowEnd, lockedWeeks.first(), BookingState.CONFIRMED, false, null,
                place.therapistId(), place.roomId(), place.startsAt(), place.therapistId(), place.roomId(),
                place.startsAt(), null));
        return new Written<>(new Written.Subject(booked.id(), place.therapistId(), place.roomId(), place.startsAt(),
                place.startsAt().plusMinutes(durationMinutes), false), reason,
                Map.of(booked.id(), "booked by " + actor), Set.of(booked.id()), booked);
    }

    @Override
    public boolean repairs() {
        return false;
    }

    @Override
    public boolean namesBrokenRules() {
        return false;
    }
}
