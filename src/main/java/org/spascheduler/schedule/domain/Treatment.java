package org.spascheduler.schedule.domain;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A kind of session the spa offers: data, not an enum, so that a spa can add hot stone or anything else without code.
 *
 * @param seriesDefault the default spacing of a chronic series of this treatment, null when it is not given in series
 */
public record Treatment(String id, String name, List<Integer> durationsMinutes, String requiredSkill,
        TherapistLoad load, Set<String> requiredRoomFeatures, int turnoverMinutes,
        @Nullable SeriesSpacing seriesDefault) {

    public Treatment {
        durationsMinutes = List.copyOf(durationsMinutes);
        requiredRoomFeatures = Set.copyOf(requiredRoomFeatures);
        if (durationsMinutes.isEmpty() || durationsMinutes.stream().anyMatch(minutes -> minutes <= 0)) {
            throw new IllegalArgumentException(
                    "The treatment (%s) needs at least one positive duration (%s).".formatted(id, durationsMinutes));
        }
        if (turnoverMinutes < 0) {
            throw new IllegalArgumentException(
                    "The treatment (%s) has a negative turnover (%d).".formatted(id, turnoverMinutes));
        }
    }

    public boolean isHighLoad() {
        return load == TherapistLoad.HIGH;
    }

    // Equal by id: a hash key in the score calculation, where hashing every field would cost.
    @Override
    public boolean equals(Object other) {
        return other instanceof Treatment that && id.equals(that.id);
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
