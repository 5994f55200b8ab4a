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

    @Override
    public String toString() {
        return name;
    }
}
