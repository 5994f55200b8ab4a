package org.spascheduler.roster;

import ai.timefold.solver.core.config.solver.SolverConfig;

import org.spascheduler.schedule.solver.FeasibilityFirstSolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The solver of roster jobs, sized for their queue: it runs as many solves at once as the queue lets run
 * ({@code spa.roster.max-running}). With fewer, a job the queue started would wait inside Timefold with its time
 * budget running, as every job but one did before the queue (Timefold's default is half the cores).
 */
@Configuration(proxyBeanMethods = false)
class RosterSolverConfiguration {

    @Bean(destroyMethod = "close")
    FeasibilityFirstSolver feasibilityFirstSolver(SolverConfig solverConfig, RosterProperties properties) {
        return new FeasibilityFirstSolver(solverConfig, properties.runningLimit());
    }
}
