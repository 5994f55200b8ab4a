package org.spascheduler.schedule.domain;

/**
 * How far apart, in calendar days, consecutive sessions of a care plan should be: never closer than the minimum (rule
 * 8), ideally within [idealMin, idealMax] (rule 14), and not further than the maximum (rule 11).
 */
public record SeriesSpacing(int minDays, int idealMinDays, int idealMaxDays, int maxDays) {

    public SeriesSpacing {
        if (minDays < 0 || minDays > idealMinDays || idealMinDays > idealMaxDays || idealMaxDays > maxDays) {
            throw new IllegalArgumentException(
                    "The spacing must satisfy 0 <= min (%d) <= ideal min (%d) <= ideal max (%d) <= max (%d) days."
                            .formatted(minDays, idealMinDays, idealMaxDays, maxDays));
        }
    }

    /** Days outside the ideal range, 0 inside it. */
    public int daysOffIdeal(int daysApart) {
        if (daysApart < idealMinDays) {
            return idealMinDays - daysApart;
        }
        return Math.max(0, daysApart - idealMaxDays);
    }
}
