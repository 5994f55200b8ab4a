package org.spascheduler.books;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.BookingState;
import org.spascheduler.web.ConflictException;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A client cancels a session; its time goes to the waitlist.
 *
 * @param late a cancellation at short notice (the spa's own policy decides what that costs the client)
 * @param version the session's version as the caller read it; of two desks acting on it at once, the second is told
 *        (409) instead of undoing the first. Left out, the session is cancelled as it is now.
 */
public record Cancellation(@NotBlank String appointmentId, boolean late, @Nullable @Size(max = 500) String reason,
        @Nullable Integer version) implements BookChange<Void> {

    @Override
    public BooksEventKind kind() {
        return BooksEventKind.CANCELLATION;
    }

    @Override
    public SortedSet<LocalDate> weeks(BooksAccess books) {
        return BooksAccess.only(books.appointment(appointmentId, "appointmentId").weekStart());
    }

    @Override
    public Written<Void> apply(BooksAccess books, SortedSet<LocalDate> lockedWeeks, String actor) {
        var appointment = books.current(appointmentId, "appointmentId", version, lockedWeeks);
        books.requireNotOver(appointment, "appointmentId");
        if (appointment.state() == BookingState.CANCELLED) {
            throw new ConflictException("state", "This session is already cancelled.", null);
        }
        books.appointments.save(appointment.withState(BookingState.CANCELLED, appointment.released()));
        return new Written<>(new Written.Subject(appointmentId, null, null, null, null, late), reason, Map.of(),
                Set.of(), null);
    }
}
