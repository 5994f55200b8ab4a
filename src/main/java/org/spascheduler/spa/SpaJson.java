package org.spascheduler.spa;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The spa's settings as the API reads and writes them. */
public record SpaJson(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 64) String timeZone,
        @Positive @Max(1440) int grainMinutes, @PositiveOrZero @Max(10080) int highLoadRestMinutes,
        @NotNull @Valid WorkRulesJson workRules, List<@NotNull @Valid OpeningHoursJson> openingHours,
        @Nullable Integer version) {

    public SpaJson {
        openingHours = List.copyOf(Objects.requireNonNullElse(openingHours, List.of()));
    }

    public record OpeningHoursJson(@NotNull java.time.DayOfWeek dayOfWeek, @NotNull java.time.LocalTime opens,
            @NotNull java.time.LocalTime closes) {
    }

    public static SpaJson from(Spa spa) {
        return new SpaJson(spa.name(), spa.timeZone(), spa.grainMinutes(), spa.highLoadRestMinutes(),
                WorkRulesJson.from(spa.workRules()), spa.openingHours().stream()
                        .map(hours -> new OpeningHoursJson(hours.dayOfWeek(), hours.opens(), hours.closes()))
                        .toList(),
                spa.version());
    }

    public Spa toStored(@Nullable Integer version) {
        return new Spa(Spa.ID, name, timeZone, grainMinutes, highLoadRestMinutes, workRules.toStored(),
                openingHours.stream().map(h -> new Spa.OpeningHours(h.dayOfWeek(), h.opens(), h.closes())).toList(),
                version);
    }
}
