package org.spascheduler.books;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.BookingState;
import org.spascheduler.common.FieldChecks;
import org.spascheduler.common.Weeks;
import org.spascheduler.web.ConflictException;
import org.spascheduler.web.Crud;
import org.spascheduler.web.UnprocessableException;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Moves a session by hand to a chosen therapist, room and start within its week; it is confirmed there. Refused (422)
 * with every hard rule it would break, in words.
 *
 * @param version the session's version as the caller read it; null to skip the check
 */
public record ManualMove(@NotBlank String appointmentId, @NotBlank String therapistId, @NotBlank String roomId,
        @NotNull LocalDateTime startsAt, @Nullable @Size(max = 500) String reason, @Nullable Integer version)
        implements BookChange<Void> {

    @Override
    public BooksEventKind kind() {
        return BooksEventKind.MANUAL_MOVE;
    }

    @Override
    public SortedSet<LocalDate> weeks(BooksAccess books) {
        return BooksAccess.only(books.appointment(appointmentId, "appointmentId").weekStart());
    }

    @Override
    public Written<Void> apply(BooksAccess books, SortedSet<LocalDate> lockedWeeks, String actor) {
        var week = lockedWeeks.first();
        var appointment = books.current(appointmentId, "appointmentId", version, lockedWeeks);
        books.requireNotOver(appointment, "appointmentId");
        if (appointment.state() != BookingState.REQUESTED && appointment.state() != BookingState.CONFIRMED) {
            throw new ConflictException("state",
                    "A session that is %s cannot be moved.".formatted(appointment.state()), null);
        }
        Crud.requirePossible(FieldChecks.checkPlausible(Map.of("startsAt", startsAt)));
        if (!Weeks.weekStartOf(startsAt).equals(week)) {
            throw new UnprocessableException("startsAt",
                    "(%s) is outside the session's week (%s)".formatted(startsAt, week));
        }
        if (startsAt.isBefore(books.now())) {
            throw new UnprocessableException("startsAt", "(%s) is in the past".formatted(startsAt));
        }
        books.knownId(therapistId, "therapistId", "therapist");
        books.knownId(roomId, "roomId", "room");
        books.appointments.save(appointment.withPlacement(therapistId, roomId, startsAt).confirmedWherePlaced());
        return new Written<>(new Written.Subject(appointmentId, therapistId, roomId, startsAt, null, false), reason,
                Map.of(appointmentId, "moved by hand by %s%s".formatted(actor, BooksAccess.because(reason))),
                Set.of(appointmentId), null);
    }
}
