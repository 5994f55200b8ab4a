package org.spascheduler.treatment;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.spascheduler.common.SpacingJson;
import org.spascheduler.schedule.domain.TherapistLoad;
import org.spascheduler.web.Ids;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A treatment as the API reads and writes it.
 *
 * @param id left out on creation to have one made up
 * @param seriesDefault the spacing of a chronic series of it, left out when it is not given in series
 */
public record TreatmentJson(@Nullable @Pattern(regexp = Ids.PATTERN) String id, @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String requiredSkill, @NotNull TherapistLoad load,
        @PositiveOrZero @Max(240) int turnoverMinutes,
        @NotEmpty @Size(max = 10) List<@NotNull @Positive @Max(600) Integer> durationsMinutes,
        Set<@NotBlank @Size(max = 100) String> requiredRoomFeatures, @Nullable @Valid SpacingJson seriesDefault,
        @Nullable Integer version) {

    public TreatmentJson {
        durationsMinutes = durationsMinutes == null ? List.of() : List.copyOf(durationsMinutes);
        requiredRoomFeatures = new TreeSet<>(Objects.requireNonNullElse(requiredRoomFeatures, Set.of()));
    }

    public static TreatmentJson from(StoredTreatment treatment) {
        var series = treatment.seriesDefault();
        return new TreatmentJson(treatment.id(), treatment.name(), treatment.requiredSkill(), treatment.load(),
                treatment.turnoverMinutes(),
                treatment.durations().stream().map(StoredTreatment.Duration::minutes).toList(),
                treatment.requiredRoomFeatures().stream().map(StoredTreatment.RoomFeature::feature)
                        .collect(java.util.stream.Collectors.toSet()),
                series == null ? null
                        : new SpacingJson(series.minDays(), series.idealMinDays(), series.idealMaxDays(),
                                series.maxDays()),
                treatment.version());
    }

    public StoredTreatment toStored(String id, @Nullable Integer version) {
        return new StoredTreatment(id, name, requiredSkill, load, turnoverMinutes,
                durationsMinutes.stream().map(StoredTreatment.Duration::new).toList(),
                requiredRoomFeatures.stream().map(StoredTreatment.RoomFeature::new)
                        .collect(java.util.stream.Collectors.toSet()),
                seriesDefault == null ? null
                        : new StoredTreatment.SeriesDays(seriesDefault.minDays(), seriesDefault.idealMinDays(),
                                seriesDefault.idealMaxDays(), seriesDefault.maxDays()),
                version);
    }
}
