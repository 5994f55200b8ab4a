package org.spascheduler.schedule.api;

import java.util.Comparator;
import java.util.List;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.solver.RosterJustification;

/** Turns a solved schedule and its score analysis into the API's view of it. */
final class RosterViews {

    private static final int EXAMPLES_PER_CONSTRAINT = 3;

    private RosterViews() {
    }

    static RosterView of(SpaSchedule schedule, ScoreAnalysis<HardMediumSoftLongScore> analysis, long solvingMillis) {
        var settings = schedule.getSettings();
        var roster = schedule.getAppointments().stream()
                .filter(Appointment::isScheduled)
                .sorted(Comparator.comparing((Appointment a) -> a.getTherapist().name())
                        .thenComparingInt(Appointment::getStartMinute))
                .map(a -> new ScheduledSessionView(a.getId(), a.getClient().name(), a.getTreatment().name(),
                        a.getDurationMinutes(), a.getTherapist().name(), a.getRoom().name(),
                        a.getStart().dateTime(), a.getStart().dateTime().plusMinutes(a.getDurationMinutes()),
                        a.getState().name(), a.getCarePlan() == null ? null : a.getCarePlan().id()))
                .toList();
        var unscheduled = schedule.getAppointments().stream()
                .filter(a -> !a.isScheduled())
                .map(a -> new UnscheduledSessionView(a.getId(), a.getClient().name(), a.getTreatment().name(),
                        a.getDurationMinutes(), settings.dateTimeOf(a.getRequestedWindow().start()),
                        settings.dateTimeOf(a.getRequestedWindow().end()), a.getPriority().name()))
                .toList();
        return new RosterView(settings.spaName(), settings.weekStart(), ScoreView.of(analysis.score()),
                schedule.getAppointments().size(), roster.size(), unscheduled.size(), solvingMillis, roster,
                unscheduled, constraintSummaries(analysis));
    }

    private static List<ConstraintSummaryView> constraintSummaries(ScoreAnalysis<HardMediumSoftLongScore> analysis) {
        return analysis.constraintMap().values().stream()
                .sorted(Comparator.comparing(c -> c.score()))
                .map(constraint -> new ConstraintSummaryView(constraint.constraintRef().constraintName(),
                        levelOf(constraint.score()), constraint.score().toString(),
                        constraint.matches() == null ? 0 : constraint.matches().size(),
                        constraint.matches() == null ? List.of()
                                : constraint.matches().stream()
                                        .limit(EXAMPLES_PER_CONSTRAINT)
                                        .map(match -> match.justification() instanceof RosterJustification j
                                                ? j.description() : String.valueOf(match.justification()))
                                        .toList()))
                .toList();
    }

    private static String levelOf(HardMediumSoftLongScore score) {
        if (score.hardScore() != 0) {
            return "hard";
        }
        return score.mediumScore() != 0 ? "medium" : score.softScore() != 0 ? "soft" : "none";
    }
}
