package org.spascheduler.schedule.solver;

import java.util.Set;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.stream.ConstraintMetaModel;
import ai.timefold.solver.core.api.solver.SolverFactory;
// Timefold 1.32 exposes the constraint meta model only on its implementation's score director factory.
import ai.timefold.solver.core.impl.score.stream.common.AbstractConstraintStreamScoreDirectorFactory;
import ai.timefold.solver.core.impl.solver.DefaultSolverFactory;

import org.spascheduler.schedule.domain.SpaSchedule;

/** What the constraint provider defines, read from Timefold's model of it: names, levels (groups), descriptions. */
public final class SpaConstraints {

    private SpaConstraints() {
    }

    /** Timefold 1.32 has no public accessor for the meta model; its solver factory always holds one. */
    public static ConstraintMetaModel metaModel(SolverFactory<SpaSchedule> solverFactory) {
        var scoreDirectorFactory = ((DefaultSolverFactory<SpaSchedule>) solverFactory).getScoreDirectorFactory();
        return ((AbstractConstraintStreamScoreDirectorFactory<?, ?, ?>) scoreDirectorFactory).getConstraintMetaModel();
    }

    public static Set<String> namesInGroup(ConstraintMetaModel metaModel, String group) {
        return metaModel.getConstraintsPerGroup(group).stream()
                .map(constraint -> constraint.getConstraintRef().constraintName())
                .collect(Collectors.toUnmodifiableSet());
    }
}
