package org.spascheduler.schedule.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.spascheduler.schedule.domain.SpaSchedule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Timefold's beans, wired by hand: its Spring Boot starter targets Boot 3. The solver configuration comes from
 * solver-config/solverConfig.xml; its termination from application.properties.
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

    @Bean(destroyMethod = "close")
    SolverManager<SpaSchedule, String> solverManager(SolverFactory<SpaSchedule> solverFactory) {
        return SolverManager.create(solverFactory);
    }

    @Bean
    FeasibilityFirstSolver feasibilityFirstSolver(SolverFactory<SpaSchedule> solverFactory,
            SolverManager<SpaSchedule, String> solverManager) {
        return new FeasibilityFirstSolver(solverFactory, solverManager);
    }

    @Bean
    SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager(SolverFactory<SpaSchedule> solverFactory) {
        return SolutionManager.create(solverFactory);
    }
}
