package org.spascheduler.carejourney;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.spascheduler.common.WeeklyTimeJson;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A client asking for the rest of a stored plan to be suggested again (after a cancellation, say): the plan gives the
 * treatment, the spacing and the continuity wish; the kept sessions stay. Every field may be left out, as in
 * {@link CarePlanSuggestionRequest}.
 */
public record RestOfPlanRequest(@Nullable @Size(max = 50) List<@Valid WeeklyTimeJson> preferredTimes,
        @Nullable String therapistId, @Nullable LocalDate earliestStart,
        @Nullable @Min(1) @Max(CarePlanSuggestionRequest.MAX_HORIZON_WEEKS) Integer horizonWeeks) {

    static final RestOfPlanRequest NONE = new RestOfPlanRequest(null, null, null, null);
}
