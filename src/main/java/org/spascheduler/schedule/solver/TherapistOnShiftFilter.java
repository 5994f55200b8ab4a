package org.spascheduler.schedule.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
// Timefold 1.32 has the type a <filterClass> must implement (SelectionFilter, over a Move) only in its impl packages.
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TimeSlot;

/**
 * Skips moves that give a session a therapist and a start together when the therapist does not work then. Such a move
 * can only break rule 2, so evaluating it is wasted: this filter is what keeps the construction heuristic, which tries
 * every (therapist, start) pair of every session, fast on large weeks.
 */
public final class TherapistOnShiftFilter implements SelectionFilter<SpaSchedule, Move<SpaSchedule>> {

    @Override
    public boolean accept(ScoreDirector<SpaSchedule> scoreDirector, Move<SpaSchedule> move) {
        Therapist therapist = null;
        TimeSlot start = null;
        for (var value : move.getPlanningValues()) {
            if (value instanceof Therapist t) {
                therapist = t;
            } else if (value instanceof TimeSlot s) {
                start = s;
            }
        }
        if (therapist == null || start == null) {
            return true;
        }
        for (var entity : move.getPlanningEntities()) {
            if (entity instanceof Appointment appointment && !therapist.isAvailable(start.minuteOfWeek(),
                    start.minuteOfWeek() + appointment.getDurationMinutes())) {
                return false;
            }
        }
        return true;
    }
}
