package org.spascheduler.frontdesk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.spascheduler.planning.ScoredWeek;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.weights.ConstraintCatalog;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * What an option means, in words, read from the score difference per constraint: each soft constraint the placement
 * moves becomes a sentence, its size turned back from score into minutes (or units) with the constraint's weight.
 * The constraints' own justifications are not used: they name the clients of other sessions, which a client asking
 * for a slot must never hear. The wording only ever names the requesting client's wishes and the therapist.
 */
final class SlotOptionEffects {

    private final SpaSchedule schedule;
    private final Appointment request;
    private final Map<String, Long> weights;
    private final ConstraintCatalog catalog;

    SlotOptionEffects(SpaSchedule schedule, Appointment request, Map<String, Long> weights, ConstraintCatalog catalog) {
        this.schedule = schedule;
        this.request = request;
        this.weights = weights;
        this.catalog = catalog;
    }

    /** @param diff the score difference the placement makes per constraint, by constraint name */
    List<String> describe(ScoredWeek.TriedPlacement placement, Map<String, HardMediumSoftLongScore> diff) {
        var therapist = placement.therapist().name();
        var client = request.getClient();
        var effects = new ArrayList<String>();
        if (client.prefersSomeTherapist()) {
            effects.add(client.preferredTherapistIds().contains(placement.therapist().id())
                    ? "keeps the client's preferred therapist" : "is not with a therapist the client prefers");
        }
        if (client.avoidedTherapistIds().contains(placement.therapist().id())) {
            effects.add("is with a therapist the client asked not to see");
        }
        if (!client.preferredTimes().isEmpty()) {
            var away = client.minutesFromPreferredTime(placement.start().minuteOfWeek());
            effects.add(away == 0 ? "starts in the client's preferred hours"
                    : "starts %s away from the client's preferred days and hours".formatted(minutes(away)));
        }
        var idle = units(diff, "Short idle gaps");
        if (idle < 0) {
            effects.add("leaves %s %s of idle time in gaps of under an hour".formatted(therapist, minutes(-idle)));
        } else if (idle > 0) {
            effects.add("fills %s of idle gaps in %s's day".formatted(minutes(idle), therapist));
        }
        var unfairness = units(diff, "Unfair workload");
        if (unfairness > 0) {
            effects.add("evens out the therapists' workload");
        } else if (unfairness < 0) {
            effects.add("makes the therapists' workload less even");
        }
        var ratherNot = units(diff, "Therapist preference ignored");
        if (ratherNot < 0) {
            effects.add("falls %s into a time %s would rather not work".formatted(minutes(-ratherNot), therapist));
        }
        effects.addAll(changeovers(placement));
        return effects;
    }

    /** Back to back with the therapist's other sessions: only the changeover between them. */
    private List<String> changeovers(ScoredWeek.TriedPlacement placement) {
        var therapist = placement.therapist();
        var start = placement.start().minuteOfWeek();
        var end = start + request.getDurationMinutes();
        var effects = new ArrayList<String>();
        for (var other : schedule.getAppointments()) {
            if (other == request || !other.isScheduled() || !therapist.equals(other.getTherapist())) {
                continue;
            }
            if (other.getTherapistBusyUntil() == start) {
                effects.add("needs %s's %d-minute changeover right after another session".formatted(therapist.name(),
                        therapist.changeoverMinutes()));
            } else if (end + therapist.changeoverMinutes() == other.getStartMinute()) {
                effects.add("leaves %s only the %d-minute changeover before the next session".formatted(
                        therapist.name(), therapist.changeoverMinutes()));
            }
        }
        return effects;
    }

    /** The constraint's soft score difference in its own units (minutes, mostly): positive when it got better. */
    private long units(Map<String, HardMediumSoftLongScore> diff, String constraintName) {
        var constraint = diff.get(constraintName);
        if (constraint == null) {
            return 0;
        }
        var entry = catalog.find(constraintName);
        var weight = weights.getOrDefault(constraintName, entry == null ? 1L : entry.defaultWeight());
        return weight == 0 ? 0 : constraint.softScore() / weight;
    }

    private static String minutes(long minutes) {
        if (minutes < 60 || minutes % 60 != 0) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        return minutes == 60 ? "1 hour" : minutes / 60 + " hours";
    }
}
