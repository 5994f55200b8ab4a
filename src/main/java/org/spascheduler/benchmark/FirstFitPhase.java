package org.spascheduler.benchmark;

import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;

import org.jspecify.annotations.Nullable;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TimeSlot;

/**
 * The baseline: what a spa's booking software does today. Requests are booked one by one in {@link ArrivalOrder}
 * (a care plan's sessions one after the other), each at the earliest start in its window where the first therapist
 * (in the spa's list) and then the first room break no hard rule; a request that fits nowhere is turned away, and
 * nothing booked is ever moved again. Preferences, continuity and spacing ideals are not looked at.
 * <p>
 * Whether a candidate breaks a hard rule is decided by our own constraints, through Timefold's incremental score
 * director (a custom phase), so that "breaks no hard rule" means exactly what it means for the solver. A therapist off
 * shift and a room out of service are skipped before asking, which gives the same answer faster.
 */
public final class FirstFitPhase implements PhaseCommand<SpaSchedule> {

    private static final List<String> VARIABLES = List.of("therapist", "room", "start");

    @Override
    public void changeWorkingSolution(ScoreDirector<SpaSchedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        var hardScore = hardScore(scoreDirector);
        for (var appointment : ArrivalOrder.of(scoreDirector.getWorkingSolution())) {
            if (isPhaseTerminated.getAsBoolean()) {
                return;
            }
            if (appointment.isPinned() || appointment.getStart() != null) {
                continue;
            }
            if (!bookFirstFit(scoreDirector, appointment, hardScore)) {
                // Turned away. A therapist and a room without a start mean nothing, but make the roster count as
                // initialized, as the solver leaves its own unscheduled sessions.
                assign(scoreDirector, appointment, first(appointment.getEligibleTherapists()),
                        first(appointment.getSuitableRooms()), null);
            }
        }
    }

    private static boolean bookFirstFit(ScoreDirector<SpaSchedule> scoreDirector, Appointment appointment,
            long hardScore) {
        var starts = appointment.getCandidateStarts().stream()
                .sorted(Comparator.comparingInt(TimeSlot::minuteOfWeek))
                .toList();
        for (var start : starts) {
            var end = start.minuteOfWeek() + appointment.getDurationMinutes();
            for (var therapist : appointment.getEligibleTherapists()) {
                if (!therapist.isAvailable(start.minuteOfWeek(), end)) {
                    continue;
                }
                // The therapist's rules apply once therapist and start are set; the room's once the room is.
                assign(scoreDirector, appointment, therapist, null, start);
                if (hardScore(scoreDirector) < hardScore) {
                    continue;
                }
                for (var room : appointment.getSuitableRooms()) {
                    if (room.minutesOutOfService(start.minuteOfWeek(), end) > 0) {
                        continue;
                    }
                    assign(scoreDirector, appointment, therapist, room, start);
                    if (hardScore(scoreDirector) >= hardScore) {
                        return true;
                    }
                }
            }
        }
        assign(scoreDirector, appointment, null, null, null);
        return false;
    }

    private static void assign(ScoreDirector<SpaSchedule> scoreDirector, Appointment appointment,
            @Nullable Therapist therapist, @Nullable Room room, @Nullable TimeSlot start) {
        VARIABLES.forEach(variable -> scoreDirector.beforeVariableChanged(appointment, variable));
        appointment.assign(therapist, room, start);
        VARIABLES.forEach(variable -> scoreDirector.afterVariableChanged(appointment, variable));
        scoreDirector.triggerVariableListeners();
    }

    // The public ScoreDirector does not calculate; the one a phase gets always is an InnerScoreDirector.
    @SuppressWarnings("unchecked")
    private static long hardScore(ScoreDirector<SpaSchedule> scoreDirector) {
        var inner = (InnerScoreDirector<SpaSchedule, HardMediumSoftLongScore>) scoreDirector;
        return inner.calculateScore().raw().hardScore();
    }

    private static <T> @Nullable T first(List<T> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
