package org.spascheduler.books;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.planning.StoredWeek;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.solver.RosterJustification;
import org.spascheduler.web.FieldProblem;
import org.springframework.stereotype.Component;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolutionUpdatePolicy;

/**
 * Whether the sessions a change put at places of its choosing break a hard rule: the week as written is scored with
 * them there and with them not in it, and whatever hard rule the first breaks more than the second is the change's
 * doing. Scoring alone is cheap; only a refused change is analysed, to name the rules in words.
 */
@Component
class HardRulesGuard {

    private final PlanningWeeks store;
    private final SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;

    HardRulesGuard(PlanningWeeks store, SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager) {
        this.store = store;
        this.solutionManager = solutionManager;
    }

    /**
     * @param placed the sessions the change placed in this week
     * @param inWords name each broken rule (an analysis of the week with and without them) rather than only say so
     * @return the week's score with the placed sessions in it
     * @throws HardRuleBrokenException naming every hard rule the placed sessions break, under the given field
     */
    HardMediumSoftLongScore requireNoneBroken(LocalDate weekStart, Set<String> placed, String field,
            boolean inWords) {
        var week = store.storedEvenEmpty(weekStart);
        var with = score(week);
        var weekWithout = without(week, placed);
        var withoutThem = score(weekWithout);
        if (with.hardScore() >= withoutThem.hardScore()) {
            return with;
        }
        if (!inWords) {
            throw new HardRuleBrokenException(weekStart, List.of(new FieldProblem(field, ("would break a hard rule of "
                    + "the week as it stands (its hard score would fall from %d to %d)").formatted(
                            withoutThem.hardScore(), with.hardScore()))));
        }
        var broken = new LinkedHashSet<String>();
        analyze(week).diff(analyze(weekWithout)).constraintMap().values().stream()
                .filter(constraint -> constraint.score().hardScore() < 0)
                .forEach(constraint -> {
                    var name = constraint.constraintRef().constraintName();
                    var sentences = constraint.matches() == null ? List.<String>of()
                            : constraint.matches().stream()
                                    .filter(match -> match.score().hardScore() < 0)
                                    .map(match -> match.justification() instanceof RosterJustification justification
                                            ? name + ": " + justification.description() : name)
                                    .toList();
                    broken.addAll(sentences.isEmpty() ? List.of(name) : sentences);
                });
        if (broken.isEmpty()) {
            broken.add("the week's hard score falls from %d to %d".formatted(withoutThem.hardScore(),
                    with.hardScore()));
        }
        var problems = new ArrayList<FieldProblem>();
        broken.forEach(rule -> problems.add(new FieldProblem(field, "would break a hard rule: " + rule)));
        throw new HardRuleBrokenException(weekStart, problems);
    }

    private HardMediumSoftLongScore score(StoredWeek week) {
        return solutionManager.update(store.solution(week), SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
    }

    private ScoreAnalysis<HardMediumSoftLongScore> analyze(StoredWeek week) {
        return solutionManager.analyze(store.solution(week));
    }

    private static StoredWeek without(StoredWeek week, Set<String> placed) {
        return week.withAppointments(week.appointments().stream()
                .filter(appointment -> !placed.contains(appointment.id())).toList());
    }
}
