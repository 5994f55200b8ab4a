package org.spascheduler.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.benchmark.api.PlannerBenchmarkFactory;
import ai.timefold.solver.benchmark.config.SolverBenchmarkConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;

/** The benchmark's configuration stays runnable, and its "Default" stays today's solverConfig.xml. */
class SpaBenchmarkConfigTest {

    @Test
    void theDefaultBenchmarksTheServicesSolverConfiguration() throws IOException {
        var solverConfig = text(SpaBenchmark.SOLVER_CONFIG);
        var benchmarkConfig = text(SpaBenchmark.BENCHMARK_CONFIG);
        var defaultBenchmark = benchmarkConfig.substring(benchmarkConfig.indexOf("<name>Default</name>"),
                benchmarkConfig.indexOf("</solverBenchmark>"));

        assertThat(phases(defaultBenchmark)).isEqualTo(phases(solverConfig));
    }

    @Test
    void everyConfigurationBuildsOnADemoWeek(@TempDir Path folder) {
        var settings = new BenchmarkSettings(List.of(DemoSize.SMALL), Set.of(BenchmarkSettings.REPORT),
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), DemoSpaGenerator.DEFAULT_SEED,
                folder.toFile());

        var config = SpaBenchmark.reportConfig(settings);

        assertThat(config.getSolverBenchmarkConfigList()).extracting(SolverBenchmarkConfig::getName)
                .containsExactly("Default", "Diversified late acceptance", "First fit (baseline)");
        // Builds every solver (classes, selectors, preview features) without running one.
        assertThat(PlannerBenchmarkFactory.create(config).buildPlannerBenchmark()).isNotNull();
        assertThat(config.getSolverBenchmarkConfigList().get(0).getSolverConfig().getTerminationConfig()
                .getSpentLimit()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aProblemFileNamesAGeneratedWeek(@TempDir Path folder) {
        var file = DemoWeekFileIO.writeProblemFile(folder.toFile(), DemoSize.SMALL, DemoSpaGenerator.DEFAULT_SEED);

        var week = new DemoWeekFileIO().read(file);

        assertThat(file.getName()).isEqualTo("SMALL.demoweek");
        assertThat(week.getAppointments()).hasSameSizeAs(DemoSpaGenerator.generate(DemoSize.SMALL)
                .getAppointments());
    }

    /** The phase elements, comments included, line by line without indentation. */
    private static List<String> phases(String xml) {
        var start = xml.indexOf("<constructionHeuristic>");
        var comment = xml.lastIndexOf("<!--", start);
        var end = xml.lastIndexOf("</localSearch>") + "</localSearch>".length();
        return Arrays.stream(xml.substring(comment, end).split("\n")).map(String::strip).toList();
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = SpaBenchmarkConfigTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
