package org.spascheduler.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;

import ai.timefold.solver.benchmark.api.PlannerBenchmarkFactory;
import ai.timefold.solver.benchmark.config.PlannerBenchmarkConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.solver.FeasibilityFirstSolver;

import ch.qos.logback.classic.Level;

/**
 * The benchmark command ({@code ./mvnw -Pbenchmark}, see README "Performance"). Two parts, both on the generated demo
 * weeks:
 * <ol>
 * <li>{@code table}: each week booked first fit ({@link FirstFitScheduler}) and solved as the service solves it
 * ({@link FeasibilityFirstSolver}) with a short and a long budget, one after the other in this JVM; prints the README's
 * tables (and writes them under the benchmark directory).</li>
 * <li>{@code report}: Timefold's benchmarker over solver-config/benchmarkConfig.xml (today's configuration, the
 * alternative evaluated, and first fit), which writes its HTML report under the benchmark directory.</li>
 * </ol>
 * Runs one solve at a time: timings on a 2-core machine are only comparable that way.
 */
public final class SpaBenchmark {

    static final String SOLVER_CONFIG = "solverConfig.xml";
    static final String BENCHMARK_CONFIG = "benchmarkConfig.xml";

    private static final Logger LOGGER = LoggerFactory.getLogger(SpaBenchmark.class);

    private SpaBenchmark() {
    }

    public static void main(String[] args) {
        quietLogging();
        var settings = BenchmarkSettings.fromSystemProperties();
        if (settings.parts().contains(BenchmarkSettings.TABLE)) {
            runTable(settings);
        }
        if (settings.parts().contains(BenchmarkSettings.REPORT)) {
            runReport(settings);
        }
    }

    private static void runTable(BenchmarkSettings settings) {
        var solverConfig = SolverConfig.createFromXmlResource(SOLVER_CONFIG);
        var firstFit = new FirstFitScheduler(solverConfig);
        var runs = new ArrayList<SizeRun>();
        var machine = MachineDescription.now();
        LOGGER.info("Table: {}", machine);
        try (var service = new FeasibilityFirstSolver(solverConfig)) {
            for (var size : settings.sizes()) {
                var loadBefore = MachineDescription.currentLoadAverage();
                var firstFitStart = System.nanoTime();
                var firstFitRoster = firstFit.schedule(week(settings, size));
                var firstFitTime = Duration.ofNanos(System.nanoTime() - firstFitStart);
                var firstFitQuality = RosterQualityMetrics.of(firstFitRoster);
                LOGGER.info("{}: first fit in {} ms: {}", size, firstFitTime.toMillis(), firstFitQuality);
                var shortSolve = ServiceSolve.run(service, week(settings, size), settings.shortSolve());
                LOGGER.info("{}: {}", size, shortSolve);
                var longSolve = ServiceSolve.run(service, week(settings, size), settings.longSolve());
                LOGGER.info("{}: {}", size, longSolve);
                runs.add(new SizeRun(size, firstFitTime, firstFitQuality, shortSolve, longSolve, loadBefore,
                        MachineDescription.currentLoadAverage()));
            }
        }
        var tables = PerformanceTables.markdown(machine, settings, runs);
        System.out.println(tables);
        write(settings.directory().toPath().resolve("performance-" + timestamp() + ".md"), tables);
    }

    private static void runReport(BenchmarkSettings settings) {
        var config = reportConfig(settings);
        LOGGER.info("Report: {} per configuration and week; {}", settings.reportSpentLimit(),
                MachineDescription.now());
        var benchmarkDirectory = PlannerBenchmarkFactory.create(config).buildPlannerBenchmark().benchmark();
        // Timefold writes each run into a new folder, named after its start time, inside the benchmark directory.
        var reports = benchmarkDirectory.listFiles(folder -> new File(folder, "index.html").isFile());
        Arrays.stream(reports == null ? new File[0] : reports)
                .max(Comparator.comparingLong(File::lastModified))
                .ifPresent(folder -> System.out.println("Timefold benchmark report: " + new File(folder,
                        "index.html")));
    }

    /**
     * benchmarkConfig.xml with this run's problems (a problem file per demo size, written into the benchmark
     * directory), spent limit and directory.
     */
    static PlannerBenchmarkConfig reportConfig(BenchmarkSettings settings) {
        var config = PlannerBenchmarkConfig.createFromXmlResource(BENCHMARK_CONFIG);
        config.setBenchmarkDirectory(settings.directory());
        var problemFolder = new File(settings.directory(), "problems");
        var problemFiles = settings.sizes().stream()
                .map(size -> DemoWeekFileIO.writeProblemFile(problemFolder, size, settings.generatorSeed()))
                .toList();
        config.getInheritedSolverBenchmarkConfig().getProblemBenchmarksConfig().setInputSolutionFileList(problemFiles);
        for (var solverBenchmark : config.getSolverBenchmarkConfigList()) {
            // First fit has no termination: it ends when every request has been booked or turned away.
            var solverConfig = solverBenchmark.getSolverConfig();
            if (solverConfig.getTerminationConfig() != null) {
                solverConfig.setTerminationConfig(new TerminationConfig()
                        .withSpentLimit(settings.reportSpentLimit()));
            }
        }
        return config;
    }

    private static SpaSchedule week(BenchmarkSettings settings, DemoSize size) {
        return DemoSpaGenerator.generate(size, settings.generatorSeed(), BenchmarkSettings.WEEK_START);
    }

    /** Timefold logs every step at DEBUG, which is the default without a logging configuration: slower and unread. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.INFO);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            LOGGER.info("Tables written to {}", file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the tables (%s).".formatted(file), e);
        }
    }

    private static String timestamp() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    /** Everything measured on one week, in the order it was measured. */
    record SizeRun(DemoSize size, Duration firstFitTime, RosterQualityMetrics firstFit, ServiceSolve shortSolve,
            ServiceSolve longSolve, String loadBefore, String loadAfter) {
    }
}
