package org.spascheduler.schedule.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.domain.SpaSchedule;

/** The README's constraint table lists every constraint under its name in code, at its level, and nothing else. */
class ReadmeConstraintTableTest {

    @Test
    void readme_table_matches_the_constraint_provider() throws IOException {
        var metaModel = SpaConstraints.metaModel(
                SolverFactory.<SpaSchedule>create(SolverConfig.createFromXmlResource("solverConfig.xml")));
        var inCode = new HashMap<String, String>();
        for (var group : metaModel.getConstraintGroups()) {
            SpaConstraints.namesInGroup(metaModel, group).forEach(name -> inCode.put(name, group));
        }

        assertThat(readmeTable()).isEqualTo(inCode);
    }

    /** Rows "| name | level | meaning |" of the table headed "| Constraint | Level |". */
    private static Map<String, String> readmeTable() throws IOException {
        var rows = new HashMap<String, String>();
        var inTable = false;
        for (var line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("| Constraint | Level |")) {
                inTable = true;
            } else if (inTable && line.startsWith("|---")) {
                continue;
            } else if (inTable && line.startsWith("|")) {
                var cells = line.split("\\|");
                rows.put(cells[1].trim(), cells[2].trim());
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }
}
