package org.spascheduler.schedule.dev;

import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.SpaSchedule;

class ScratchWitnessIT {
    @Test
    void witness() {
        for (var size : DemoSize.values()) {
            var schedule = DemoSpaGenerator.generateWithHiddenRoster(size);
            SolutionManager<SpaSchedule, ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore> manager = SolutionManager.create(SolverFactory.<SpaSchedule>create(SolverConfig.createFromXmlResource("solverConfig.xml")));
            var analysis = manager.analyze(schedule);
            var minutes = schedule.getAppointments().stream().mapToInt(a -> a.getDurationMinutes()).sum();
            System.out.println(size + " sessions=" + schedule.getAppointments().size() + " minutes=" + minutes + " score=" + analysis.score());
            analysis.constraintMap().values().stream().filter(c -> c.score().hardScore() < 0 || c.score().mediumScore() < 0)
                .forEach(c -> { System.out.println("  " + c.constraintRef().constraintName() + " " + c.score());
                    c.matches().stream().limit(3).forEach(m -> System.out.println("     " + m.justification())); });
        }
    }
}
