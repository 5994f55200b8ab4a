package org.spascheduler.spa;

/** How a therapist's day is paced (rules 6 and 16), as stored; see the planning model's {@code WorkRules}. */
public record StoredWorkRules(int breakMinutes, int maxRunMinutes, int longDayMinutes, int compactGapMinutes) {
}
