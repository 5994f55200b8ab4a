package org.spascheduler.frontdesk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;

import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.planning.StoredWeek;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.solver.RosterJustification;
import org.spascheduler.web.FieldProblem;
import org.spascheduler.web.UnprocessableException;
import org.springframework.stereotype.Component;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;

/**
 * Whether a session put at a chosen place breaks a hard rule: the week is scored with the session there and with the
 * session nowhere, and whatever hard rule the first breaks more than the second is the move's doing.
 */
@Component
class ManualMoveCheck {

    private final PlanningWeeks store;
    private final SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;

    ManualMoveCheck(PlanningWeeks store, SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager) {
        this.store = store;
        this.solutionManager = solutionManager;
    }

    /** @throws UnprocessableException naming every hard rule the move would break, in words */
    void requireNoHardRuleBroken(LocalDate weekStart, StoredAppointment moved) {
        var week = store.stored(weekStart);
        var nowhere = moved.requestedAgain();
        var there = analyze(with(week, moved));
        var without = analyze(with(week, nowhere));
        var broken = new LinkedHashSet<String>();
        there.diff(without).constraintMap().values().stream()
                .filter(constraint -> constraint.score().hardScore() < 0)
                .forEach(constraint -> {
                    var sentences = constraint.matches() == null ? java.util.List.<String>of()
                            : constraint.matches().stream()
                                    .filter(match -> match.score().hardScore() < 0)
                                    .map(match -> match.justification() instanceof RosterJustification justification
                                            ? justification.description() : constraint.constraintRef()
                                                    .constraintName())
                                    .toList();
                    if (sentences.isEmpty()) {
                        broken.add(constraint.constraintRef().constraintName());
                    } else {
                        sentences.forEach(sentence -> broken.add(
                                constraint.constraintRef().constraintName() + ": " + sentence));
                    }
                });
        if (!broken.isEmpty()) {
            var problems = new ArrayList<FieldProblem>();
            broken.forEach(rule -> problems.add(new FieldProblem("startsAt", "would break a hard rule: " + rule)));
            throw new UnprocessableException(problems);
        }
    }

    private ScoreAnalysis<HardMediumSoftLongScore> analyze(StoredWeek week) {
        return solutionManager.analyze(store.solution(week));
    }

    private static StoredWeek with(StoredWeek week, StoredAppointment replacement) {
        var appointments = new ArrayList<StoredAppointment>();
        var found = false;
        for (var appointment : week.appointments()) {
            if (appointment.id().equals(replacement.id())) {
                appointments.add(replacement);
                found = true;
            } else {
                appointments.add(appointment);
            }
        }
        if (!found) {
            appointments.add(replacement);
        }
        return week.withAppointments(appointments);
    }
}
