package org.spascheduler.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.week.DemoWeekDocuments;
import org.spascheduler.week.WeekDocument;

import tools.jackson.databind.json.JsonMapper;

/** A problem file generates its demo week; a solved week is written as the week document the service imports. */
class DemoWeekFileIOTest {

    private final DemoWeekFileIO fileIO = new DemoWeekFileIO();

    @Test
    void aProblemFileGeneratesItsWeekAndASolvedWeekIsWrittenAsAnImportableDocument(@TempDir Path folder) {
        var problemFile = DemoWeekFileIO.writeProblemFile(folder.toFile(), DemoSize.SMALL, 7L);
        var week = fileIO.read(problemFile);
        assertThat(week.getAppointments()).hasSameSizeAs(DemoSpaGenerator.generate(DemoSize.SMALL, 7L,
                BenchmarkSettings.WEEK_START).getAppointments());

        var solvedFile = folder.resolve("SMALL." + fileIO.getOutputFileExtension()).toFile();
        fileIO.write(week, solvedFile);

        var written = JsonMapper.builder().build().readValue(solvedFile, WeekDocument.class);
        assertThat(written).isEqualTo(DemoWeekDocuments.of(week));
    }
}
