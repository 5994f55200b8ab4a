package org.spascheduler.booking;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Where a session is: a therapist, a room and a start, or none of them ({@link #NONE}). The one value for "therapist,
 * room, start" wherever the books speak of a place (a solved roster written back, a repair's before and after, the
 * sessions of a suggested care plan).
 */
public record Placement(@Nullable String therapistId, @Nullable String roomId, @Nullable LocalDateTime startsAt) {

    public static final Placement NONE = new Placement(null, null, null);

    public boolean isPlaced() {
        return startsAt != null;
    }
}
