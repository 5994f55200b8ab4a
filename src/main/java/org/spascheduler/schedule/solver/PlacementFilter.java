package org.spascheduler.schedule.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
// Timefold 1.32 has the type a <filterClass> must implement (SelectionFilter, over a Move) only in its impl packages.
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;

import org.spascheduler.schedule.domain.SpaSchedule;

/**
 * The construction heuristic's filter: it places sessions first-fit, taking the first placement that breaks no hard
 * rule, so it must not consider leaving a variable unassigned (which Timefold offers first and which never breaks a
 * rule). A session that fits nowhere is placed where it breaks least, and local search then unassigns it if that is
 * better. Therapist-and-start pairs off the therapist's shift are skipped as in local search.
 */
public final class PlacementFilter implements SelectionFilter<SpaSchedule, Move<SpaSchedule>> {

    private final TherapistOnShiftFilter onShift = new TherapistOnShiftFilter();

    @Override
    public boolean accept(ScoreDirector<SpaSchedule> scoreDirector, Move<SpaSchedule> move) {
        for (var value : move.getPlanningValues()) {
            if (value == null) {
                return false;
            }
        }
        return onShift.accept(scoreDirector, move);
    }
}
