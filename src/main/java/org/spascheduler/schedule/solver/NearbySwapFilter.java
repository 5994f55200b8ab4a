package org.spascheduler.schedule.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;

/**
 * Keeps swaps of two sessions on the same day, or of a scheduled session with an unscheduled one: swapping sessions
 * days apart almost always lands both outside their requested windows, so evaluating such swaps is wasted.
 */
public final class NearbySwapFilter implements SelectionFilter<SpaSchedule, Move<SpaSchedule>> {

    @Override
    public boolean accept(ScoreDirector<SpaSchedule> scoreDirector, Move<SpaSchedule> move) {
        var day = Integer.MIN_VALUE;
        for (var entity : move.getPlanningEntities()) {
            if (entity instanceof Appointment appointment) {
                if (appointment.getStart() == null) {
                    return true;
                }
                if (day != Integer.MIN_VALUE && day != appointment.getDayOfWeek()) {
                    return false;
                }
                day = appointment.getDayOfWeek();
            }
        }
        return true;
    }
}
