package org.spascheduler.carejourney;

/**
 * A way of weighing a care plan's choices, so that the plans offered differ in what they favour. Each cost is in the
 * roster's soft units, where a day off the ideal spacing costs 60 and a minute away from a preferred time 1 (the
 * constraints' own weights); each strategy then leans on one of them.
 *
 * @param perDayOffIdeal per day a gap lies outside the ideal spacing
 * @param perMinuteFromPreferredTime per minute a start lies away from the client's preferred days and hours
 * @param perTherapistChange per change of therapist from one session to the next
 * @param perMinuteNotPreferredTherapist per session minute with another therapist than the one asked for
 * @param perDayFirstSessionWaits per day the first session lies after the earliest start
 * @param perDayEachSessionWaits per day each session lies after the earliest start: finishing early
 * @param perSoftPoint per soft point the session costs the rest of the week (fair workload, compact days)
 */
enum PlanStrategy {

    /** One therapist for every session, at the client's times, spaced ideally: continuity first. */
    SAME_THERAPIST(60, 1, 0, 2, 20, 0, 0.01, true),
    /** The series starts as soon as it can and keeps to the minimum spacing: relief first. */
    EARLIEST_START(5, 0.25, 10, 1, 400, 60, 0.01, false),
    /** Every gap as close to the ideal spacing as there is room for, whoever the therapist. */
    IDEAL_SPACING(2000, 1, 30, 1, 15, 0, 0.01, false);

    final double perDayOffIdeal;
    final double perMinuteFromPreferredTime;
    final double perTherapistChange;
    final double perMinuteNotPreferredTherapist;
    final double perDayFirstSessionWaits;
    final double perDayEachSessionWaits;
    final double perSoftPoint;
    /** Searched once per therapist, each plan keeping one. */
    final boolean oneTherapist;

    PlanStrategy(double perDayOffIdeal, double perMinuteFromPreferredTime, double perTherapistChange,
            double perMinuteNotPreferredTherapist, double perDayFirstSessionWaits, double perDayEachSessionWaits,
            double perSoftPoint, boolean oneTherapist) {
        this.perDayOffIdeal = perDayOffIdeal;
        this.perMinuteFromPreferredTime = perMinuteFromPreferredTime;
        this.perTherapistChange = perTherapistChange;
        this.perMinuteNotPreferredTherapist = perMinuteNotPreferredTherapist;
        this.perDayFirstSessionWaits = perDayFirstSessionWaits;
        this.perDayEachSessionWaits = perDayEachSessionWaits;
        this.perSoftPoint = perSoftPoint;
        this.oneTherapist = oneTherapist;
    }
}
