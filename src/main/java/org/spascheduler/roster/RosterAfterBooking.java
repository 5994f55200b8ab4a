package org.spascheduler.roster;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Keeps a week's roster right after a booking was written to it (a slot the desk booked, a client's care plan): a
 * roster job solving the week takes the booking in; one that ended without it may have given its time to a requested
 * session meanwhile, which a repair then moves. The caller holds the week's lock and has committed the booking.
 */
@Component
public class RosterAfterBooking {

    private final RosterJobService jobs;
    private final RosterRepair repair;

    RosterAfterBooking(RosterJobService jobs, RosterRepair repair) {
        this.jobs = jobs;
        this.repair = repair;
    }

    public void booked(LocalDate weekStart) {
        if (jobs.booksChanged(weekStart) == RosterJobService.BooksChange.JOB_ENDED) {
            repair.repair(weekStart, Map.of());
        }
    }
}
