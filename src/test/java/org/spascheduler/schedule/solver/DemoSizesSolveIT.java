package org.spascheduler.schedule.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;

import ai.timefold.solver.core.config.solver.SolverConfig;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.solver.FeasibilityFirstSolver.SolvedWeek;

/**
 * Solves each demo size for a fixed time (30 s unless {@code -Dseconds=N}; {@code -Dsizes=MEDIUM,LARGE} to choose) and
 * prints what the issue asks to report: time to the first roster without hard violations, time to the first one
 * without medium violations, the score at the end, the move evaluation speed and the heap. Slow, so an IT:
 * {@code ./mvnw test -Dtest=DemoSizesSolveIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DemoSizesSolveIT {

    static DemoSize[] sizes() {
        var chosen = System.getProperty("sizes");
        return chosen == null ? DemoSize.values()
                : Arrays.stream(chosen.split(",")).map(String::trim).map(DemoSize::valueOf).toArray(DemoSize[]::new);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void solveAndReport(DemoSize size) {
        var seconds = Long.getLong("seconds", 30L);
        var problem = DemoSpaGenerator.generate(size);
        var config = SolverConfig.createFromXmlResource("solverConfig.xml");
        var firstHardFeasibleMillis = new AtomicLong(-1);
        var firstMediumFeasibleMillis = new AtomicLong(-1);
        var heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        heapPools.forEach(pool -> pool.resetPeakUsage());
        var startNanos = System.nanoTime();

        SolvedWeek result;
        try (var feasibilityFirst = new FeasibilityFirstSolver(config)) {
            result = feasibilityFirst.solve(problem, Duration.ofSeconds(seconds),
                    Duration.ofSeconds(seconds), (best, stage) -> {
                        var millis = (System.nanoTime() - startNanos) / 1_000_000;
                        if (best.getScore().hardScore() == 0) {
                            firstHardFeasibleMillis.compareAndSet(-1, millis);
                            if (best.getScore().mediumScore() == 0) {
                                firstMediumFeasibleMillis.compareAndSet(-1, millis);
                            }
                        }
                    });
        }
        var solved = result.schedule();

        var peakHeapMb = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
        System.gc();
        var liveHeapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        var unscheduled = solved.getAppointments().stream().filter(a -> !a.isScheduled()).count();
        var unscheduledByPriority = solved.getAppointments().stream().filter(a -> !a.isScheduled())
                .collect(Collectors.groupingBy(Appointment::getPriority, Collectors.counting()));
        System.out.printf("%s: %d sessions, %d unscheduled %s; first 0 hard after %d ms, first 0 hard/0 medium after %d ms;"
                + " score after %d s %s; move evaluation speed %d/s; heap peak %d MB, live after solving %d MB (max %d"
                + " MB)%n", size, solved.getAppointments().size(), unscheduled, unscheduledByPriority,
                firstHardFeasibleMillis.get(),
                firstMediumFeasibleMillis.get(), seconds, solved.getScore(), result.moveEvaluationSpeed(),
                peakHeapMb, liveHeapMb, Runtime.getRuntime().maxMemory() >> 20);
        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getAppointments()).allMatch(a -> a.getStart() == null || a.isScheduled(),
                "therapist and room are set for every session that has a start");
        assertThat(solved.getAppointments().stream().filter(Appointment::isPinned))
                .allMatch(Appointment::isScheduled);
    }
}
