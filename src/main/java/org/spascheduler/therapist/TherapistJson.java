package org.spascheduler.therapist;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.spascheduler.common.PeriodJson;
import org.spascheduler.common.WeeklyTimeJson;
import org.spascheduler.spa.WorkRulesJson;
import org.spascheduler.web.Ids;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A therapist as the API reads and writes them.
 *
 * @param weeklyShifts the usual week; a week with dated {@code shifts} uses those instead
 * @param workRules the pacing of their day, left out for the spa's
 */
public record TherapistJson(@Nullable @Pattern(regexp = Ids.PATTERN) String id,
        @NotBlank @Size(max = 200) String name, Set<@NotBlank @Size(max = 100) String> skills,
        @PositiveOrZero @Max(120) int changeoverMinutes, @PositiveOrZero @Max(1440) int maxHandsOnMinutesPerDay,
        @PositiveOrZero @Max(100) int maxHighLoadSessionsPerDay, @Nullable @Valid WorkRulesJson workRules,
        List<@NotNull @Valid WeeklyTimeJson> weeklyShifts, List<@NotNull @Valid PeriodJson> shifts,
        List<@NotNull @Valid PeriodJson> timeOff, List<@NotNull @Valid WeeklyTimeJson> ratherNotWork,
        @Nullable Integer version) {

    public TherapistJson {
        skills = new TreeSet<>(Objects.requireNonNullElse(skills, Set.of()));
        weeklyShifts = List.copyOf(Objects.requireNonNullElse(weeklyShifts, List.of()));
        shifts = List.copyOf(Objects.requireNonNullElse(shifts, List.of()));
        timeOff = List.copyOf(Objects.requireNonNullElse(timeOff, List.of()));
        ratherNotWork = List.copyOf(Objects.requireNonNullElse(ratherNotWork, List.of()));
    }

    public static TherapistJson from(StoredTherapist therapist) {
        return new TherapistJson(therapist.id(), therapist.name(),
                therapist.skills().stream().map(StoredTherapist.Skill::skill).collect(Collectors.toSet()),
                therapist.changeoverMinutes(), therapist.maxHandsOnMinutesPerDay(),
                therapist.maxHighLoadSessionsPerDay(),
                therapist.workRules() == null ? null : WorkRulesJson.from(therapist.workRules()),
                therapist.weeklyShifts().stream().map(s -> new WeeklyTimeJson(s.dayOfWeek(), s.starts(), s.ends()))
                        .toList(),
                therapist.shifts().stream().map(s -> new PeriodJson(s.startsAt(), s.endsAt(), null)).toList(),
                therapist.timeOff().stream().map(t -> new PeriodJson(t.startsAt(), t.endsAt(), t.reason())).toList(),
                therapist.ratherNotWork().stream().map(r -> new WeeklyTimeJson(r.dayOfWeek(), r.starts(), r.ends()))
                        .toList(),
                therapist.version());
    }

    public StoredTherapist toStored(String id, @Nullable Integer version) {
        return new StoredTherapist(id, name, changeoverMinutes, maxHandsOnMinutesPerDay, maxHighLoadSessionsPerDay,
                workRules == null ? null : workRules.toStored(),
                skills.stream().map(StoredTherapist.Skill::new).collect(Collectors.toSet()),
                weeklyShifts.stream().map(s -> new StoredTherapist.WeeklyShift(s.dayOfWeek(), s.starts(), s.ends()))
                        .toList(),
                shifts.stream().map(s -> new StoredTherapist.Shift(s.startsAt(), s.endsAt())).toList(),
                timeOff.stream().map(t -> new StoredTherapist.TimeOff(t.startsAt(), t.endsAt(), t.reason())).toList(),
                ratherNotWork.stream().map(r -> new StoredTherapist.RatherNotWork(r.dayOfWeek(), r.starts(), r.ends()))
                        .toList(),
                version);
    }
}
