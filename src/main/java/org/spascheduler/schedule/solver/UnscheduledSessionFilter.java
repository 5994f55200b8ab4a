package org.spascheduler.schedule.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
// Timefold 1.32 has the type a <filterClass> must implement (SelectionFilter, over a Move) only in its impl packages.
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;

/**
 * Selects only unscheduled sessions: on a nearly full week they are a handful among hundreds, and a move selector that
 * picks sessions at random would rarely try to place them.
 */
public final class UnscheduledSessionFilter implements SelectionFilter<SpaSchedule, Appointment> {

    @Override
    public boolean accept(ScoreDirector<SpaSchedule> scoreDirector, Appointment appointment) {
        return appointment.getStart() == null;
    }
}
