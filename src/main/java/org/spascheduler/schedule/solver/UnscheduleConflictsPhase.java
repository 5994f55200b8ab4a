package org.spascheduler.schedule.solver;

import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
// The public ScoreDirector cannot calculate a score; a phase's score director always is this inner one.
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
 * <p>
 * {@link #untilNoneLeft()} is the same step as the last one of every solve ({@link HardRuleClearance}).
 */
public final class UnscheduleConflictsPhase implements PhaseCommand<SpaSchedule> {

    private static final String THERAPIST = "therapist";
    private static final String ROOM = "room";
    private static final String START = "start";
    /** Of two sessions in conflict, the one whose absence costs least goes (rule 10's weights). */
    private static final Comparator<Appointment> CHEAPEST_TO_LEAVE_OUT_FIRST = Comparator
            .comparingInt((Appointment appointment) -> appointment.getPriority().unscheduledWeight());

    private final boolean untilNoneLeft;

    /** One pass in the week's order: what Timefold instantiates from solverConfig.xml. */
    public UnscheduleConflictsPhase() {
        this(false);
    }

    private UnscheduleConflictsPhase(boolean untilNoneLeft) {
        this.untilNoneLeft = untilNoneLeft;
    }

    /**
     * Gives every session without a therapist or a room the first it may have, unscheduled, then passes until no rule is
     * broken or a pass takes nothing out, the sessions whose absence costs least tried first, never cut short by a
     * termination: the step that makes a roster publishable.
     */
    static UnscheduleConflictsPhase untilNoneLeft() {
        return new UnscheduleConflictsPhase(true);
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<SpaSchedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        initializeUnplaced(scoreDirector, scoreDirector.getWorkingSolution());
        if (!untilNoneLeft) {
            onePass(scoreDirector, scoreDirector.getWorkingSolution().getAppointments(), isPhaseTerminated);
            return;
        }
        var cheapestFirst = scoreDirector.getWorkingSolution().getAppointments().stream()
                .sorted(CHEAPEST_TO_LEAVE_OUT_FIRST)
                .toList();
        while (onePass(scoreDirector, cheapestFirst, () -> false)) {
            // A session taken out can lift a conflict that made taking out another one useless: go again.
        }
    }

    /** @return whether a session was taken out while a rule is still broken */
    private static boolean onePass(ScoreDirector<SpaSchedule> scoreDirector, List<Appointment> appointments,
            BooleanSupplier isPhaseTerminated) {
        var score = hardScore(scoreDirector);
        var tookOut = false;
        for (var appointment : appointments) {
            if (score == 0 || isPhaseTerminated.getAsBoolean()) {
                return false;
            }
            if (appointment.isPinned() || appointment.getStart() == null) {
                continue;
            }
            var start = appointment.getStart();
            setStart(scoreDirector, appointment, null);
            var unscheduledScore = hardScore(scoreDirector);
            if (unscheduledScore > score) {
                score = unscheduledScore;
                tookOut = true;
            } else {
                setStart(scoreDirector, appointment, start);
                hardScore(scoreDirector);
            }
        }
        return tookOut && score < 0;
    }

    /**
     * Construction stops at a session it has no move for (a session a repair released whose time only the therapist
     * now off could work has no start left): it keeps no therapist and no room, and local search refuses to start from
     * an uninitialized session. Such a session gets the first therapist and room it may have, without a start, as
     * {@link SpaSchedule#initializeUnscheduled()} does between the weekly solve's stages.
     */
    private static void initializeUnplaced(ScoreDirector<SpaSchedule> scoreDirector, SpaSchedule schedule) {
        for (var appointment : schedule.getAppointments()) {
            if (!appointment.isPinned() && (appointment.getTherapist() == null || appointment.getRoom() == null)
                    && !appointment.getEligibleTherapists().isEmpty() && !appointment.getSuitableRooms().isEmpty()) {
                var therapist = appointment.getTherapist() == null ? appointment.getEligibleTherapists().get(0)
                        : appointment.getTherapist();
                var room = appointment.getRoom() == null ? appointment.getSuitableRooms().get(0)
                        : appointment.getRoom();
                scoreDirector.beforeVariableChanged(appointment, THERAPIST);
                scoreDirector.beforeVariableChanged(appointment, ROOM);
                scoreDirector.beforeVariableChanged(appointment, START);
                appointment.assign(therapist, room, null);
                scoreDirector.afterVariableChanged(appointment, START);
                scoreDirector.afterVariableChanged(appointment, ROOM);
                scoreDirector.afterVariableChanged(appointment, THERAPIST);
                scoreDirector.triggerVariableListeners();
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
