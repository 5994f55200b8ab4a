package org.spascheduler.schedule.domain;

/**
 * How a therapist's day must be paced (rules 6 and 16): DOMAIN.md's numbers are the defaults; a spa may change them,
 * for everyone or for one therapist.
 *
 * @param breakMinutes a gap this long between two sessions is a break; shorter gaps join sessions into one run
 * @param maxRunMinutes most session minutes in one run
 * @param longDayMinutes a day spanning longer than this (first start to last end) needs a break
 * @param compactGapMinutes idle gaps shorter than this make a day less compact
 */
public record WorkRules(int breakMinutes, int maxRunMinutes, int longDayMinutes, int compactGapMinutes) {

    public static final WorkRules DEFAULT = new WorkRules(30, 180, 6 * 60, 60);

    public WorkRules {
        if (breakMinutes <= 0 || maxRunMinutes <= 0 || longDayMinutes <= 0 || compactGapMinutes <= 0) {
            throw new IllegalArgumentException(
                    "Work rules must be positive (break %d, run %d, long day %d, compact gap %d minutes)."
                            .formatted(breakMinutes, maxRunMinutes, longDayMinutes, compactGapMinutes));
        }
    }
}
