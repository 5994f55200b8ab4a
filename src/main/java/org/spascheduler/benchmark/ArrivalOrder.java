package org.spascheduler.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;

/**
 * The order in which a week's requests reach the front desk, for the first-fit baseline. The demo weeks carry no
 * arrival times, and the order they were generated in follows the hidden roster they were made from, so requests arrive
 * in a seeded random order instead: the same for every run. A care plan arrives as one call, its sessions in series
 * order; sessions confirmed before the week are already in the book and come first.
 */
public final class ArrivalOrder {

    /** Fixed so that every run of the baseline books the same week the same way. */
    public static final long DEFAULT_SEED = 42L;

    private ArrivalOrder() {
    }

    public static List<Appointment> of(SpaSchedule schedule) {
        return of(schedule, DEFAULT_SEED);
    }

    public static List<Appointment> of(SpaSchedule schedule, long seed) {
        var alreadyBooked = new ArrayList<Appointment>();
        // One call per request, or per care plan: insertion-ordered so that the shuffle depends only on the seed.
        var calls = new LinkedHashMap<String, List<Appointment>>();
        for (var appointment : schedule.getAppointments()) {
            if (appointment.isPinned()) {
                alreadyBooked.add(appointment);
                continue;
            }
            var plan = appointment.getCarePlan();
            var caller = plan == null ? appointment.getId() : plan.id();
            calls.computeIfAbsent(caller, key -> new ArrayList<>()).add(appointment);
        }
        var shuffled = new ArrayList<>(calls.values());
        Collections.shuffle(shuffled, new Random(seed));
        var order = new ArrayList<>(alreadyBooked);
        for (var call : shuffled) {
            call.sort(Comparator.comparingInt(Appointment::getSeriesIndex));
            order.addAll(call);
        }
        return order;
    }
}
