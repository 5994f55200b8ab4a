package org.spascheduler.schedule.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.spascheduler.schedule.domain.SpaSchedule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Timefold's beans, wired by hand: its Spring Boot starter targets Boot 3. The solver configuration comes from
 * solver-config/solverConfig.xml; its termination from application.properties. The roster jobs' own
 * {@link FeasibilityFirstSolver} is made in roster.RosterSolverConfiguration, sized for the roster job queue.
 */
@Configuration
class SolverConfiguration {

    static final String SOLVER_CONFIG_RESOURCE = "solverConfig.xml";

    @Bean
    SolverConfig solverConfig(SolverProperties properties) {
        return SolverConfig.createFromXmlResource(SOLVER_CONFIG_RESOURCE)
                .withTerminationConfig(Terminations.of(properties.spentLimit(), properties.unimprovedSpentLimit()));
    }

    @Bean
    SolverFactory<SpaSchedule> solverFactory(SolverConfig solverConfig) {
        return SolverFactory.create(solverConfig);
    }

    @Bean
    SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager(SolverFactory<SpaSchedule> solverFactory) {
        return SolutionManager.create(solverFactory);
    }
}
