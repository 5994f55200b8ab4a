package org.spascheduler.books;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.AppointmentRules;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.common.Weeks;
import org.spascheduler.web.Crud;
import org.spascheduler.web.Ids;
import org.spascheduler.web.UnprocessableException;

/**
 * A session asked for (a walk-in, a phone call, a session added to the records): this treatment, this long, some time
 * in this window. It is stored REQUESTED; the repair that follows places it now if it fits, else it waits on the
 * week's waitlist.
 *
 * @param id the id to give it; null to have one made up
 * @param recordsPath where the records API shows it: refused with 409 pointing there when the id is taken
 */
public record SessionRequest(@Nullable String id, String clientId, String treatmentId, int durationMinutes,
        LocalDateTime windowStart, LocalDateTime windowEnd, @Nullable String reason, String recordsPath)
        implements BookChange<StoredAppointment> {

    @Override
    public BooksEventKind kind() {
        return BooksEventKind.BOOKING_REQUEST;
    }

    @Override
    public SortedSet<LocalDate> weeks(BooksAccess books) {
        Crud.requirePossible(AppointmentRules.check(requested(Ids.generate("appointment")), "",
                books.references.references()));
        if (!windowEnd.isAfter(books.now())) {
            throw new UnprocessableException("windowEnd", "(%s) is in the past".formatted(windowEnd));
        }
        return BooksAccess.only(Weeks.weekStartOf(windowStart));
    }

    @Override
    public Written<StoredAppointment> apply(BooksAccess books, SortedSet<LocalDate> lockedWeeks, String actor) {
        var appointment = requested(Crud.idForCreate(id, "appointment"));
        Crud.requirePossible(AppointmentRules.check(appointment, "", books.references.references()));
        if (books.appointments.existsById(appointment.id())) {
            throw Crud.alreadyExists("appointment", appointment.id(), recordsPath + "/" + appointment.id());
        }
        var saved = books.appointments.save(appointment);
        return new Written<>(new Written.Subject(saved.id(), null, null, windowStart, windowEnd, false), reason,
                Map.of(saved.id(), "asked for by " + actor + BooksAccess.because(reason)), Set.of(), saved);
    }

    private StoredAppointment requested(String appointmentId) {
        return new StoredAppointment(appointmentId, clientId, treatmentId, durationMinutes, windowStart, windowEnd,
                Weeks.weekStartOf(windowStart), BookingState.REQUESTED, false, null, null, null, null, null, null,
                null, null);
    }
}
