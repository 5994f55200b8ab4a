package org.spascheduler.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.jspecify.annotations.Nullable;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.solver.FeasibilityFirstSolver;

/**
 * One solve of a week as the service does it ({@link FeasibilityFirstSolver}: placing first, then quality), with what
 * the README reports about it.
 *
 * @param firstWithoutHardViolation when the first roster breaking no hard rule was found, or null if none was
 * @param firstWithEverySessionPlaced when the first roster breaking no hard rule and placing every session (0 medium)
 *        was found, or null if none was (an overbooked week never gets there)
 * @param moveEvaluationSpeed Timefold's count of moves evaluated per second, over both stages
 * @param heapPeakMb the most heap in use during the solve, garbage not yet collected included
 * @param heapLiveMb heap in use after the solve and a garbage collection, with the solved roster still held
 */
record ServiceSolve(Duration spentLimit, @Nullable Duration firstWithoutHardViolation,
        @Nullable Duration firstWithEverySessionPlaced, HardMediumSoftLongScore score, long moveEvaluationSpeed,
        long heapPeakMb, long heapLiveMb, RosterQualityMetrics quality) {

    /** Solves for the whole spent limit (the unimproved limit is as long), as a manager asking for that long would. */
    static ServiceSolve run(FeasibilityFirstSolver solver, SpaSchedule problem, Duration spentLimit) {
        var firstFeasibleNanos = new AtomicLong(-1);
        var firstAllPlacedNanos = new AtomicLong(-1);
        var heapPools = heapPools();
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        var startNanos = System.nanoTime();
        var solved = solver.solve(problem, spentLimit, spentLimit, (best, stage) -> {
            var elapsed = System.nanoTime() - startNanos;
            var score = best.getScore();
            if (score != null && score.hardScore() == 0) {
                firstFeasibleNanos.compareAndSet(-1, elapsed);
                if (score.mediumScore() == 0) {
                    firstAllPlacedNanos.compareAndSet(-1, elapsed);
                }
            }
        });
        var heapPeakMb = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
        System.gc();
        var runtime = Runtime.getRuntime();
        var heapLiveMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        var schedule = solved.schedule();
        return new ServiceSolve(spentLimit, duration(firstFeasibleNanos.get()), duration(firstAllPlacedNanos.get()),
                schedule.getScore(), solved.moveEvaluationSpeed(), heapPeakMb, heapLiveMb,
                RosterQualityMetrics.of(schedule));
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }

    private static @Nullable Duration duration(long nanos) {
        return nanos < 0 ? null : Duration.ofNanos(nanos);
    }
}
