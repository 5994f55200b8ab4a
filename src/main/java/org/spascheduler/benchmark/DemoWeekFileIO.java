package org.spascheduler.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;

import ai.timefold.solver.persistence.common.api.domain.solution.SolutionFileIO;

import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.week.DemoWeekDocuments;

import tools.jackson.databind.json.JsonMapper;

/**
 * Lets Timefold's benchmarker load the generated demo weeks: a problem file names a demo size and a generator seed
 * ({@code size=MEDIUM}, {@code seed=20261130}), and reading it generates that week. The file's name becomes the
 * problem's name in the report. Weeks are generated rather than stored so that nothing generated is committed. A
 * solved week is written as an importable week document.
 */
public final class DemoWeekFileIO implements SolutionFileIO<SpaSchedule> {

    static final String EXTENSION = "demoweek";

    /** Writes the problem file for one demo week into the folder, named after its size. */
    static File writeProblemFile(File folder, DemoSize size, long seed) {
        var file = new File(folder, size.name() + "." + EXTENSION);
        var properties = new Properties();
        properties.setProperty("size", size.name());
        properties.setProperty("seed", Long.toString(seed));
        try {
            Files.createDirectories(folder.toPath());
            try (Writer writer = Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8)) {
                properties.store(writer, "A generated demo week (DemoSpaGenerator); see DemoWeekFileIO.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the problem file (%s).".formatted(file), e);
        }
        return file;
    }

    @Override
    public String getInputFileExtension() {
        return EXTENSION;
    }

    @Override
    public SpaSchedule read(File inputSolutionFile) {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(inputSolutionFile.toPath(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the problem file (%s).".formatted(inputSolutionFile), e);
        }
        var size = DemoSize.valueOf(properties.getProperty("size"));
        var seed = Long.parseLong(properties.getProperty("seed", Long.toString(DemoSpaGenerator.DEFAULT_SEED)));
        return DemoSpaGenerator.generate(size, seed, BenchmarkSettings.WEEK_START);
    }

    @Override
    public String getOutputFileExtension() {
        return "json";
    }

    /**
     * Writes a solved week as the week document the service imports ({@code POST /api/weeks/import}), placements
     * included, so that a benchmark's roster can be looked at in the service. Only when the benchmark configuration
     * asks for solved weeks to be written.
     */
    @Override
    public void write(SpaSchedule solution, File outputSolutionFile) {
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValue(outputSolutionFile, DemoWeekDocuments.of(solution));
    }
}
