package org.spascheduler.spa;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/** How a therapist's day is paced (rules 6 and 16): what counts as a break, longest run, long day, short gap. */
public record WorkRulesJson(@Positive @Max(1440) int breakMinutes, @Positive @Max(1440) int maxRunMinutes,
        @Positive @Max(1440) int longDayMinutes, @Positive @Max(1440) int compactGapMinutes) {

    public static WorkRulesJson from(StoredWorkRules rules) {
        return new WorkRulesJson(rules.breakMinutes(), rules.maxRunMinutes(), rules.longDayMinutes(),
                rules.compactGapMinutes());
    }

    public StoredWorkRules toStored() {
        return new StoredWorkRules(breakMinutes, maxRunMinutes, longDayMinutes, compactGapMinutes);
    }
}
