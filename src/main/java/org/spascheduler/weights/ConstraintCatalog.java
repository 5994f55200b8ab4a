package org.spascheduler.weights;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.solver.SpaConstraints;
import org.springframework.stereotype.Component;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;

/** The constraints the solver knows, read once from Timefold's model of the constraint provider. */
@Component
public class ConstraintCatalog {

    /** A constraint as the manager sees it: its level (hard, medium, soft) and the weight it is defined with. */
    public record Entry(String name, String level, String description, long defaultWeight) {
    }

    private final Map<String, Entry> entries;
    private final List<Entry> ordered;

    ConstraintCatalog(SolverFactory<SpaSchedule> solverFactory) {
        var metaModel = SpaConstraints.metaModel(solverFactory);
        var map = new LinkedHashMap<String, Entry>();
        metaModel.getConstraints().stream()
                .sorted(Comparator.comparing((ai.timefold.solver.core.api.score.stream.Constraint c) -> levelRank(
                        c.getConstraintGroup())).thenComparing(c -> c.getConstraintRef().constraintName()))
                .forEach(constraint -> {
                    HardMediumSoftLongScore weight = constraint.getConstraintWeight();
                    var level = constraint.getConstraintGroup().toLowerCase();
                    map.put(constraint.getConstraintRef().constraintName(),
                            new Entry(constraint.getConstraintRef().constraintName(), level,
                                    constraint.getDescription(), weightAtLevel(weight, level)));
                });
        this.entries = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    public List<Entry> entries() {
        return ordered;
    }

    public @Nullable Entry find(String name) {
        return entries.get(name);
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** Each constraint's level, by name. */
    public Map<String, String> levels() {
        var levels = new LinkedHashMap<String, String>();
        ordered.forEach(entry -> levels.put(entry.name(), entry.level()));
        return levels;
    }

    /** Timefold reports a penalty's weight negated; managers set it as a positive number. */
    private static long weightAtLevel(HardMediumSoftLongScore weight, String level) {
        return Math.abs(switch (level) {
            case "hard" -> weight.hardScore();
            case "medium" -> weight.mediumScore();
            default -> weight.softScore();
        });
    }

    private static int levelRank(String group) {
        return switch (group.toLowerCase()) {
            case "hard" -> 0;
            case "medium" -> 1;
            default -> 2;
        };
    }
}
