package org.spascheduler.schedule.domain;

import java.util.List;
import java.util.Set;

/** A treatment room with its features (massage table, couples room, stone heater, shower) and out-of-service times. */
public record Room(String id, String name, Set<String> features, List<WeekInterval> outOfService) {

    public Room {
        features = Set.copyOf(features);
        outOfService = WeekIntervals.merge(outOfService);
    }

    public boolean hasFeatures(Set<String> requiredFeatures) {
        return features.containsAll(requiredFeatures);
    }

    public int minutesOutOfService(int start, int end) {
        return WeekIntervals.overlapMinutes(outOfService, start, end);
    }

    // Equal by id: a hash key in the score calculation, where hashing every field would cost.
    @Override
    public boolean equals(Object other) {
        return other instanceof Room that && id.equals(that.id);
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
