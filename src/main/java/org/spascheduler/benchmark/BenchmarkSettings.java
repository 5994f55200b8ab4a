package org.spascheduler.benchmark;

import java.io.File;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;

/**
 * What one benchmark run does, from system properties ({@code -Dbenchmark.sizes=MEDIUM}, ...); the Maven profile
 * {@code benchmark} passes them on with its defaults.
 *
 * @param parts {@code table} (our own runs of the service's solver and of first fit, for the README) and/or
 *        {@code report} (Timefold's benchmarker and its HTML report)
 * @param shortSolve and {@code longSolve}: the two time budgets each week is solved with for the table
 * @param reportSpentLimit each solver configuration's time per week in the Timefold report
 */
record BenchmarkSettings(List<DemoSize> sizes, Set<String> parts, Duration shortSolve, Duration longSolve,
        Duration reportSpentLimit, long generatorSeed, File directory) {

    /** The demo's week, as {@code DemoSpaGenerator.generate(size)} makes it. */
    static final LocalDate WEEK_START = LocalDate.of(2026, 11, 30).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));

    static final String TABLE = "table";
    static final String REPORT = "report";

    static BenchmarkSettings fromSystemProperties() {
        var sizes = Arrays.stream(System.getProperty("benchmark.sizes", "SMALL,MEDIUM,LARGE,OVERBOOKED").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).map(DemoSize::valueOf).toList();
        var parts = Arrays.stream(System.getProperty("benchmark.parts", TABLE + "," + REPORT).split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
        if (!Set.of(TABLE, REPORT).containsAll(parts)) {
            throw new IllegalArgumentException("The benchmark parts (%s) may only be %s and %s."
                    .formatted(parts, TABLE, REPORT));
        }
        return new BenchmarkSettings(sizes, parts,
                Duration.ofSeconds(Long.getLong("benchmark.shortSeconds", 30)),
                Duration.ofSeconds(Long.getLong("benchmark.longSeconds", 300)),
                Duration.ofSeconds(Long.getLong("benchmark.reportSeconds", 30)),
                Long.getLong("benchmark.seed", DemoSpaGenerator.DEFAULT_SEED),
                new File(System.getProperty("benchmark.directory", "target/benchmarks")));
    }
}
