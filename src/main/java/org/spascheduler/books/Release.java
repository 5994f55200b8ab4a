package org.spascheduler.books;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.BookingState;
import org.spascheduler.web.ConflictException;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Lets a confirmed session be placed again now, within its day, wherever the roster is best (it stays where it is when
 * that is best); it is confirmed again where the repair puts it.
 *
 * @param version the session's version as the caller read it; null to skip the check
 */
public record Release(@NotBlank String appointmentId, @Nullable @Size(max = 500) String reason,
        @Nullable Integer version) implements BookChange<Void> {

    @Override
    public BooksEventKind kind() {
        return BooksEventKind.RELEASE;
    }

    @Override
    public SortedSet<LocalDate> weeks(BooksAccess books) {
        return BooksAccess.only(books.appointment(appointmentId, "appointmentId").weekStart());
    }

    @Override
    public Written<Void> apply(BooksAccess books, SortedSet<LocalDate> lockedWeeks, String actor) {
        var appointment = books.current(appointmentId, "appointmentId", version, lockedWeeks);
        books.requireNotOver(appointment, "appointmentId");
        if (appointment.state() != BookingState.CONFIRMED) {
            throw new ConflictException("state", "Only a confirmed session can be released; this one is %s."
                    .formatted(appointment.state()), null);
        }
        books.release(List.of(appointment));
        return new Written<>(Written.Subject.session(appointmentId), reason,
                Map.of(appointmentId, "released by %s%s".formatted(actor, BooksAccess.because(reason))), Set.of(),
                null);
    }
}
