package org.spascheduler.frontdesk;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.books.Cancellation;
import org.spascheduler.books.TherapistUnavailable;
import org.spascheduler.security.Caller;
import org.spascheduler.security.Role;
import org.spascheduler.spa.Spa;
import org.spascheduler.spa.SpaRepository;
import org.spascheduler.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * What a client or therapist may do at the desk's endpoints: a client cancels only their own sessions, and a
 * cancellation within {@link #LATE_NOTICE_HOURS} hours of the start is recorded as late whatever the client says; a
 * therapist reports only themselves unavailable. Anything else is a 404, as for an id that names nothing.
 */
@Component
class CallerChecks {

    /** The spa's rule: a session cancelled less than a day before it starts is a late cancellation. */
    static final int LATE_NOTICE_HOURS = 24;

    private final AppointmentRepository appointments;
    private final SpaRepository spas;
    private final Clock clock;

    CallerChecks(AppointmentRepository appointments, SpaRepository spas, Clock clock) {
        this.appointments = appointments;
        this.spas = spas;
        this.clock = clock;
    }

    Cancellation cancellation(Cancellation request) {
        var caller = Caller.current();
        if (!caller.is(Role.CLIENT)) {
            return request;
        }
        var session = appointments.findById(request.appointmentId()).orElseThrow(
                () -> new NotFoundException("appointment", "appointmentId", request.appointmentId()));
        caller.requireVisible("appointment", "appointmentId", request.appointmentId(), session.clientId(), null);
        var zone = spas.findById(Spa.ID).map(spa -> ZoneId.of(spa.timeZone())).orElse(ZoneId.systemDefault());
        var late = request.late() || session.startsAt() != null
                && session.startsAt().isBefore(LocalDateTime.now(clock.withZone(zone)).plusHours(LATE_NOTICE_HOURS));
        return new Cancellation(request.appointmentId(), late, request.reason(), request.version());
    }

    void therapistUnavailable(TherapistUnavailable request) {
        Caller.current().ownTherapistOr("therapistId", request.therapistId());
    }
}
