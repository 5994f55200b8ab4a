package org.spascheduler.roster;

import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.planning.WeekLocks;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finishes, on start, the repairs a stop of the service interrupted. An event writes its own change (a session
 * released, a therapist's time off) in one transaction and the repaired roster in a later one, so that the rows are not
 * locked while the repair solves; a stop between the two leaves the released sessions released, where they were. Every
 * repair ends by confirming each released session again or waitlisting it, so released sessions on start mean a repair
 * to finish (or a roster job's work, not yet published, which a repair confirms where the job put it).
 */
@Component
class InterruptedRepairs {

    private static final Logger LOGGER = LoggerFactory.getLogger(InterruptedRepairs.class);

    private final AppointmentRepository appointments;
    private final WeekLocks locks;
    private final RosterRepair repair;

    InterruptedRepairs(AppointmentRepository appointments, WeekLocks locks, RosterRepair repair) {
        this.appointments = appointments;
        this.locks = locks;
        this.repair = repair;
    }

    @EventListener(ApplicationReadyEvent.class)
    void finishInterruptedRepairs() {
        var weeks = appointments.findByStateAndReleased(BookingState.CONFIRMED, true).stream()
                .map(StoredAppointment::weekStart).collect(Collectors.toCollection(TreeSet::new));
        for (var weekStart : weeks) {
            locks.withWeek(weekStart, () -> {
                var before = appointments.findByWeekStart(weekStart).stream()
                        .collect(Collectors.toMap(StoredAppointment::id, StoredAppointment::placement));
                var outcome = repair.repair(weekStart, before);
                LOGGER.info("Finished the repair of the week of {} that a stop interrupted: {} sessions changed, {}.",
                        weekStart, outcome.changed().size(), outcome.score());
                return outcome;
            });
        }
    }
}
