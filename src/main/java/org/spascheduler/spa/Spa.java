package org.spascheduler.spa;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The spa itself: its name, time zone, booking grain, weekly opening hours and the pacing rules of a therapist's day.
 * One per database, with id {@link #ID}.
 */
@Table("SPA")
public record Spa(@Id Integer id, String name, String timeZone, int grainMinutes, int highLoadRestMinutes,
        @Embedded.Empty(prefix = "work_rules_") StoredWorkRules workRules,
        @MappedCollection(idColumn = "SPA_ID", keyColumn = "POSITION") List<OpeningHours> openingHours,
        @Version @Nullable Integer version) {

    public static final int ID = 1;

    /** The spa is open on this day from {@code opens} to {@code closes}. */
    @Table("OPENING_HOURS")
    public record OpeningHours(DayOfWeek dayOfWeek, LocalTime opens, LocalTime closes) {
    }
}
