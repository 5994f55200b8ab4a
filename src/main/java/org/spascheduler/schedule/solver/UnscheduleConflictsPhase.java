package org.spascheduler.schedule.solver;

import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;

import org.jspecify.annotations.Nullable;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.TimeSlot;

/**
 * Runs between construction and local search. First-fit construction places a session that fits nowhere where it breaks
 * least; this phase takes such sessions out again (leaves them unscheduled) whenever that lowers the broken hard rules.
 * One pass costs one score calculation per session, far less than local search needs to undo the same conflicts, and it
 * hands local search a roster that breaks no hard rule, with the sessions that did not fit left for it to place.
 */
public final class UnscheduleConflictsPhase implements PhaseCommand<SpaSchedule> {

    private static final String START = "start";

    @Override
    public void changeWorkingSolution(ScoreDirector<SpaSchedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        var schedule = scoreDirector.getWorkingSolution();
        var score = hardScore(scoreDirector);
        for (var appointment : schedule.getAppointments()) {
            if (score == 0 || isPhaseTerminated.getAsBoolean()) {
                return;
            }
            if (appointment.isPinned() || appointment.getStart() == null) {
                continue;
            }
            var start = appointment.getStart();
            setStart(scoreDirector, appointment, null);
            var unscheduledScore = hardScore(scoreDirector);
            if (unscheduledScore > score) {
                score = unscheduledScore;
            } else {
                setStart(scoreDirector, appointment, start);
                hardScore(scoreDirector);
            }
        }
    }

    // The public ScoreDirector does not calculate; the one a phase gets always is an InnerScoreDirector.
    @SuppressWarnings("unchecked")
    private static long hardScore(ScoreDirector<SpaSchedule> scoreDirector) {
        var inner = (InnerScoreDirector<SpaSchedule, HardMediumSoftLongScore>) scoreDirector;
        return inner.calculateScore().raw().hardScore();
    }

    private static void setStart(ScoreDirector<SpaSchedule> scoreDirector, Appointment appointment,
            @Nullable TimeSlot start) {
        scoreDirector.beforeVariableChanged(appointment, START);
        appointment.assign(appointment.getTherapist(), appointment.getRoom(), start);
        scoreDirector.afterVariableChanged(appointment, START);
        scoreDirector.triggerVariableListeners();
    }
}
