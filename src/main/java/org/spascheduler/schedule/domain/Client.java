package org.spascheduler.schedule.domain;

import java.util.List;
import java.util.Set;

/**
 * A client as the solver sees them: only what scheduling needs (no contact details).
 *
 * @param preferredTimes when the client would like sessions to start this week; empty means any time suits
 */
public record Client(String id, String name, Set<String> preferredTherapistIds, Set<String> avoidedTherapistIds,
        List<WeekInterval> preferredTimes, boolean chronic) {

    public Client {
        preferredTherapistIds = Set.copyOf(preferredTherapistIds);
        avoidedTherapistIds = Set.copyOf(avoidedTherapistIds);
        preferredTimes = WeekIntervals.merge(preferredTimes);
    }

    /** Minutes from the start to the nearest preferred time, 0 when it is preferred or the client has no preference. */
    public int minutesFromPreferredTime(int startMinute) {
        return preferredTimes.isEmpty() ? 0 : WeekIntervals.distanceMinutes(preferredTimes, startMinute);
    }

    public boolean prefersSomeTherapist() {
        return !preferredTherapistIds.isEmpty();
    }

    // Equal by id: a hash key in the score calculation, where hashing every field would cost.
    @Override
    public boolean equals(Object other) {
        return other instanceof Client that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
