package org.spascheduler.planning;

import java.util.Map;

import org.spascheduler.schedule.domain.SpaSchedule;

/** For tests that stand in for the books: a stored week as the planning week {@link PlanningWeeks} would make. */
public final class PlanningTestSupport {

    private PlanningTestSupport() {
    }

    /** With each constraint at its own weight. */
    public static SpaSchedule solution(StoredWeek week) {
        return WeekMapper.toSchedule(week, Map.of());
    }
}
