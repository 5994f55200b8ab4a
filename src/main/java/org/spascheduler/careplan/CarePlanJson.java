package org.spascheduler.careplan;

import org.jspecify.annotations.Nullable;
import org.spascheduler.common.SpacingJson;
import org.spascheduler.web.Ids;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A care plan as the API reads and writes it.
 *
 * @param sessionsDoneBefore sessions of the series that took place before it was kept here
 */
public record CarePlanJson(@Nullable @Pattern(regexp = Ids.PATTERN) String id, @NotBlank String clientId,
        @NotBlank String treatmentId, @Positive @Max(100) int totalSessions, @NotNull @Valid SpacingJson spacing,
        boolean sameTherapist, @PositiveOrZero @Max(100) int sessionsDoneBefore, @Nullable Integer version) {

    public static CarePlanJson from(StoredCarePlan plan) {
        return new CarePlanJson(plan.id(), plan.clientId(), plan.treatmentId(), plan.totalSessions(),
                new SpacingJson(plan.minDays(), plan.idealMinDays(), plan.idealMaxDays(), plan.maxDays()),
                plan.sameTherapist(), plan.sessionsDoneBefore(), plan.version());
    }

    public StoredCarePlan toStored(String id, @Nullable Integer version) {
        return new StoredCarePlan(id, clientId, treatmentId, totalSessions, spacing.minDays(), spacing.idealMinDays(),
                spacing.idealMaxDays(), spacing.maxDays(), sameTherapist, sessionsDoneBefore, version);
    }
}
