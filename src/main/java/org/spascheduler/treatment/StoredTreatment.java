package org.spascheduler.treatment;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.spascheduler.schedule.domain.TherapistLoad;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A treatment the spa offers, as stored: data, not an enum, so a spa adds hot stone or anything else without code.
 *
 * @param seriesDefault the spacing of a chronic series of this treatment, null when it is not given in series
 */
@Table("TREATMENT")
public record StoredTreatment(@Id String id, String name, String requiredSkill,
        @Column("THERAPIST_LOAD") TherapistLoad load,
        int turnoverMinutes,
        @MappedCollection(idColumn = "TREATMENT_ID", keyColumn = "POSITION") List<Duration> durations,
        @MappedCollection(idColumn = "TREATMENT_ID") Set<RoomFeature> requiredRoomFeatures,
        @Embedded.Nullable(prefix = "series_") @Nullable SeriesDays seriesDefault,
        @Version @Nullable Integer version) {

    @Table("TREATMENT_DURATION")
    public record Duration(int minutes) {
    }

    @Table("TREATMENT_ROOM_FEATURE")
    public record RoomFeature(String feature) {
    }

    /** Spacing of a series in days: never closer than min, ideally within [idealMin, idealMax], never beyond max. */
    public record SeriesDays(int minDays, int idealMinDays, int idealMaxDays, int maxDays) {
    }
}
