package org.spascheduler.schedule.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A solved week as the REST API shows it: never the planning entities themselves.
 *
 * @param constraints the score per constraint, worst first, with the number of matches
 */
public record RosterView(String spa, LocalDate weekStart, ScoreView score, int sessions, int scheduled,
        int unscheduled, long solvingMillis, List<ScheduledSessionView> roster,
        List<UnscheduledSessionView> unscheduledSessions, List<ConstraintSummaryView> constraints) {
}
