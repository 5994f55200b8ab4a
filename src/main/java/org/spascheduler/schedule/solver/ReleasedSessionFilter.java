package org.spascheduler.schedule.solver;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;

/** The sessions an event released: a repair places them first, each in the best place it can find. */
public final class ReleasedSessionFilter implements SelectionFilter<SpaSchedule, Appointment> {

    @Override
    public boolean accept(ScoreDirector<SpaSchedule> scoreDirector, Appointment appointment) {
        return appointment.isReleasedByFrontDesk() && !appointment.isPinned();
    }
}
