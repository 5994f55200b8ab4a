package org.spascheduler.schedule.solver;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a solve stops, unless a request says otherwise: after {@code spentLimit} in all, or earlier once the best roster
 * has not improved for {@code unimprovedSpentLimit}.
 */
@ConfigurationProperties("spa.solver.termination")
public record SolverProperties(@DefaultValue("30s") Duration spentLimit,
        @DefaultValue("10s") Duration unimprovedSpentLimit) {
}
