package org.spascheduler.schedule.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@DataJdbcTest
@ActiveProfiles("test")
class DemoSolveRunRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Autowired
    private DemoSolveRunRepository repository;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void flywayMigrationHasRun() {
        var version = jdbc.queryForObject(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE ORDER BY \"installed_rank\" DESC LIMIT 1",
                String.class);
        // The demo solve run's table is V1; later migrations come after it.
        assertThat(Integer.parseInt(version)).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM demo_solve_run", Integer.class)).isZero();
    }

    @Test
    void savesAndReadsBackARun() {
        var saved = repository.save(run("MEDIUM", T0));

        assertThat(saved.id()).isNotNull();
        var found = repository.findById(saved.id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(saved);
        assertThat(found.startedAt()).isEqualTo(T0);
    }

    @Test
    void latestRunsAreNewestFirstAndAtMostTwenty() {
        // Saved in a shuffled order, so that the order comes from startedAt and not from the id.
        IntStream.of(7, 3, 24, 0, 11, 19, 1, 22, 5, 16, 9, 13, 2, 20, 18, 6, 23, 10, 4, 15, 8, 21, 12, 17, 14)
                .forEach(minute -> repository.save(run("SMALL", T0.plus(minute, ChronoUnit.MINUTES))));

        var latest = repository.findTop20ByOrderByStartedAtDesc();

        assertThat(repository.count()).isEqualTo(25);
        assertThat(latest).hasSize(20);
        assertThat(latest.get(0).startedAt()).isEqualTo(T0.plus(24, ChronoUnit.MINUTES));
        assertThat(latest.get(19).startedAt()).isEqualTo(T0.plus(5, ChronoUnit.MINUTES));
        assertThat(latest).extracting(DemoSolveRun::startedAt)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void latestRunsWithFewerThanTwentyReturnsThemAll() {
        repository.save(run("SMALL", T0));
        repository.save(run("LARGE", T0.plusSeconds(1)));

        assertThat(repository.findTop20ByOrderByStartedAtDesc())
                .extracting(DemoSolveRun::size)
                .containsExactly("LARGE", "SMALL");
    }

    private static DemoSolveRun run(String size, Instant startedAt) {
        return new DemoSolveRun(null, size, "0hard/0medium/-10soft", 60, 58, 2, 1500, startedAt);
    }
}
