package org.spascheduler.schedule.solver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.spascheduler.schedule.domain.SpaSchedule;

/**
 * The last step of every solve, whatever ended it: the time budget (also one that ran out inside construction, before
 * conflicts were repaired), a stop, or a change from the front desk just before the end. Every session that breaks a
 * hard rule and may move is left unscheduled again, so that it is explained as unplaced rather than published on top of
 * another; sessions the solver may not move (confirmed, in progress, done) stay where they are.
 * <p>
 * A solver of its own with one phase ({@link UnscheduleConflictsPhase#untilNoneLeft()}) and no termination, run on the
 * caller's thread: no stop request or deadline reaches it. One score calculation per placed session and pass; well
 * under a second on LARGE.
 */
public final class HardRuleClearance {

    private static final Logger LOGGER = LoggerFactory.getLogger(HardRuleClearance.class);

    private final SolverFactory<SpaSchedule> solverFactory;

    public HardRuleClearance(SolverConfig solverConfig) {
        this.solverFactory = SolverFactory.create(new SolverConfig(solverConfig)
                .withTerminationConfig(new TerminationConfig())
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(UnscheduleConflictsPhase.untilNoneLeft())));
    }

    /**
     * @param roster any roster of the week, left as it is (a best-solution consumer may still be reading it)
     * @return a scored copy that breaks no hard rule, unless sessions the solver may not move break it among themselves;
     *         sessions without a therapist or a room get the first they may have, unscheduled
     */
    public SpaSchedule clear(SpaSchedule roster) {
        var startNanos = System.nanoTime();
        var cleared = solverFactory.buildSolver().solve(roster);
        var takenOut = placed(roster) - placed(cleared);
        if (takenOut > 0 || cleared.getScore().hardScore() < 0) {
            LOGGER.info("The roster broke hard rules: {} sessions left unscheduled again in {} ms, score now {}.",
                    takenOut, (System.nanoTime() - startNanos) / 1_000_000, cleared.getScore());
        }
        return cleared;
    }

    private static long placed(SpaSchedule roster) {
        return roster.getAppointments().stream().filter(appointment -> appointment.getStart() != null).count();
    }
}
