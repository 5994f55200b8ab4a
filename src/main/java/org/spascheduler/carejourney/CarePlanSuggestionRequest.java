package org.spascheduler.carejourney;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.spascheduler.common.SpacingJson;
import org.spascheduler.common.WeeklyTimeJson;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A client asking for a series of sessions: what, how many, how far apart, and when they would rather come.
 *
 * @param durationMinutes each session's length; left out, 60 when the treatment is given in 60 minutes (shorter
 *        sessions did no better than none for chronic neck pain, DOMAIN.md's sources), else its first duration
 * @param spacing days between consecutive sessions; left out, the treatment's series default
 * @param preferredTimes when the client would rather come; left out, the client's stored preferred times
 * @param therapistId a therapist the client would rather see, or null
 * @param sameTherapist every session with one therapist (the continuity wish); false when left out
 * @param earliestStart the first day a session may be on; left out, today (never before now)
 * @param horizonWeeks how far ahead to look from the earliest start, 8 weeks when left out
 */
public record CarePlanSuggestionRequest(@NotBlank String clientId, @NotBlank String treatmentId,
        @Nullable @Positive @Max(600) Integer durationMinutes,
        @Min(1) @Max(CarePlanSuggestionRequest.MAX_SESSIONS) int sessions, @Nullable @Valid SpacingJson spacing,
        @Nullable @Size(max = 50) List<@Valid WeeklyTimeJson> preferredTimes, @Nullable String therapistId,
        @Nullable Boolean sameTherapist, @Nullable LocalDate earliestStart,
        @Nullable @Min(1) @Max(CarePlanSuggestionRequest.MAX_HORIZON_WEEKS) Integer horizonWeeks) {

    public static final int MAX_SESSIONS = 24;
    public static final int MAX_HORIZON_WEEKS = 8;

    public boolean sameTherapistOrDefault() {
        return Boolean.TRUE.equals(sameTherapist);
    }

    public int horizonWeeksOrDefault() {
        return horizonWeeks == null ? MAX_HORIZON_WEEKS : horizonWeeks;
    }
}
