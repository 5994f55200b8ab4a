package org.spascheduler.schedule.dev;

import java.time.Duration;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.SpaSchedule;

class ScratchSolveIT {
    @Test
    void solve() {
        var size = DemoSize.valueOf(System.getProperty("size", "SMALL"));
        var seconds = Long.getLong("seconds", 20L);
        var problem = DemoSpaGenerator.generate(size);
        if (Boolean.getBoolean("mute")) {
            var soft = java.util.List.of("Outside client preferred time", "Care plan therapist changed", "Preferred therapist missed",
                "Avoided therapist assigned", "Care plan spacing off ideal", "Unfair workload", "Short idle gaps",
                "Published session moved", "Therapist preference ignored");
            var map = new java.util.HashMap<String, ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore>();
            soft.forEach(n -> map.put(n, ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.ZERO));
            problem.setConstraintWeightOverrides(ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides.of(map));
        }
        System.out.println("sessions=" + problem.getAppointments().size() + " clients=" + problem.getClients().size()
                + " plans=" + problem.getCarePlans().size());
        var file = System.getProperty("config");
        var config = (file == null ? SolverConfig.createFromXmlResource("solverConfig.xml")
                : SolverConfig.createFromXmlFile(new java.io.File(file)))
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(seconds)));
        var solver = SolverFactory.<SpaSchedule>create(config).buildSolver();
        solver.addEventListener(e -> System.out.println("  " + e.getTimeMillisSpent() + " ms " + e.getNewBestScore()));
        var solved = solver.solve(problem);
        var unscheduled = solved.getAppointments().stream().filter(a -> !a.isScheduled()).count();
        System.out.println("score=" + solved.getScore() + " unscheduled=" + unscheduled);
        solved.getAppointments().stream().filter(a -> a.getStart() == null).forEach(a -> System.out.println("   " + a.getTreatment().name() + " " + a.getDurationMinutes() + " window=" + a.getRequestedWindow().lengthMinutes() + " starts=" + a.getCandidateStarts().size() + " therapists=" + a.getEligibleTherapists().size() + " prio=" + a.getPriority()));
        var analysis = ai.timefold.solver.core.api.solver.SolutionManager.create(SolverFactory.<SpaSchedule>create(config)).analyze(solved);
        analysis.constraintMap().values().forEach(c -> System.out.println("  " + c.constraintRef().constraintName() + " " + c.score() + " matches=" + c.matches().size()));
    }
}
