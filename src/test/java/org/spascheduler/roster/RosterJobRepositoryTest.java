package org.spascheduler.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.spascheduler.weights.ConstraintWeight;
import org.spascheduler.weights.ConstraintWeightRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;

/** Roster jobs and constraint weights survive a round trip through the migrated schema. */
@DataJdbcTest
@ActiveProfiles("test")
class RosterJobRepositoryTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final Instant STARTED = Instant.parse("2026-11-25T08:00:00Z");

    @Autowired
    private RosterJobRepository jobs;
    @Autowired
    private ConstraintWeightRepository weights;

    @Test
    void aJobReadsBackThroughItsLife() {
        var queued = jobs.save(RosterJob.queued(MONDAY, 356, 33, 30_000, 10_000, STARTED.minusSeconds(5)));
        assertThat(jobs.findByStatusOrderByIdAsc(RosterJobStatus.QUEUED)).extracting(RosterJob::id)
                .containsExactly(queued.id());
        assertThat(jobs.findByActiveWeek(MONDAY)).map(RosterJob::id).hasValue(queued.id());
        var started = jobs.save(queued.running(STARTED, 356, 33));
        var improved = jobs.save(started.withBest("0hard/-2medium/-900soft", 0, -2, -900, 354));
        var ended = jobs.save(improved.ended(RosterJobStatus.STOPPED, STARTED.plusSeconds(12), null));

        var read = jobs.findById(started.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(RosterJobStatus.STOPPED);
        assertThat(read.placed()).isEqualTo(354);
        assertThat(read.unplaced()).isEqualTo(2);
        assertThat(read.mediumScore()).isEqualTo(-2);
        assertThat(read.endedAt()).isEqualTo(STARTED.plusSeconds(12).truncatedTo(ChronoUnit.MICROS));
        assertThat(read.version()).isEqualTo(ended.version());
        assertThat(read.startedAt()).isEqualTo(STARTED);
        assertThat(read.unimprovedLimitMillis()).isEqualTo(10_000);
        assertThat(jobs.findTop20ByWeekStartOrderByIdDesc(MONDAY)).extracting(RosterJob::id)
                .containsExactly(started.id());
        assertThat(jobs.findByStatus(RosterJobStatus.SOLVING)).isEmpty();
        // Ended, the job leaves its week to the next one.
        assertThat(jobs.findByActiveWeek(MONDAY)).isEmpty();
    }

    @Test
    void theDatabaseKeepsOneQueuedOrSolvingJobPerWeek() {
        var first = jobs.save(RosterJob.queued(MONDAY, 10, 0, 30_000, 10_000, STARTED));

        assertThatThrownBy(() -> jobs.save(RosterJob.queued(MONDAY, 10, 0, 30_000, 10_000, STARTED)))
                .isInstanceOf(DuplicateKeyException.class);
        jobs.save(first.ended(RosterJobStatus.STOPPED, STARTED, null));
        assertThat(jobs.save(RosterJob.queued(MONDAY, 10, 0, 30_000, 10_000, STARTED)).id()).isNotNull();
    }

    @Test
    void aWeightIsVersioned() {
        var saved = weights.save(new ConstraintWeight("Unfair workload", 5, null));
        weights.save(new ConstraintWeight("Unfair workload", 6, saved.version()));

        assertThatThrownBy(() -> weights.save(new ConstraintWeight("Unfair workload", 7, saved.version())))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(weights.findById("Unfair workload").orElseThrow().weight()).isEqualTo(6);
    }
}
