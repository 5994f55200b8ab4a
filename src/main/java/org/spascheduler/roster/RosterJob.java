package org.spascheduler.roster;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One solve of a week's roster, as stored: where it stands and the best roster's score and counts so far. A QUEUED row
 * is a place in the roster job queue; its id is its place in line.
 *
 * @param sessions the week's sessions when the job was asked for, and from when it starts, when it read the week
 * @param spentLimitMillis how long it may solve, from when it starts
 * @param unimprovedLimitMillis how long it may go on without a better roster
 * @param queuedAt when it was asked for
 * @param startedAt when it started solving; null while it waits, and for a job stopped before its turn
 * @param failureReason why it failed, when it did
 * @param activeWeek the week while the job is queued or solving, null once it has ended: a unique column, so that the
 *        database keeps one job at a time per week
 */
@Table("ROSTER_JOB")
public record RosterJob(@Id @Nullable Long id, LocalDate weekStart, RosterJobStatus status, @Nullable String score,
        @Nullable Long hardScore, @Nullable Long mediumScore, @Nullable Long softScore, int sessions, int placed,
        int unplaced, long spentLimitMillis, long unimprovedLimitMillis, Instant queuedAt, @Nullable Instant startedAt,
        @Nullable Instant endedAt, @Nullable String failureReason, @Nullable LocalDate activeWeek,
        @Version @Nullable Integer version) {

    public static RosterJob queued(LocalDate weekStart, int sessions, int placed, long spentLimitMillis,
            long unimprovedLimitMillis, Instant queuedAt) {
        return new RosterJob(null, weekStart, RosterJobStatus.QUEUED, null, null, null, null, sessions, placed,
                sessions - placed, spentLimitMillis, unimprovedLimitMillis, queuedAt, null, null, null, weekStart,
                null);
    }

    /** Its turn has come: it solves from now, with the week as it reads it now. */
    public RosterJob running(Instant startedAt, int sessions, int placed) {
        return new RosterJob(id, weekStart, RosterJobStatus.SOLVING, score, hardScore, mediumScore, softScore,
                sessions, placed, sessions - placed, spentLimitMillis, unimprovedLimitMillis, queuedAt, startedAt,
                endedAt, failureReason, weekStart, version);
    }

    public RosterJob withBest(String score, long hard, long medium, long soft, int placed) {
        return new RosterJob(id, weekStart, status, score, hard, medium, soft, sessions, placed, sessions - placed,
                spentLimitMillis, unimprovedLimitMillis, queuedAt, startedAt, endedAt, failureReason, activeWeek,
                version);
    }

    public RosterJob ended(RosterJobStatus status, Instant endedAt, @Nullable String failureReason) {
        return new RosterJob(id, weekStart, status, score, hardScore, mediumScore, softScore, sessions, placed,
                unplaced, spentLimitMillis, unimprovedLimitMillis, queuedAt, startedAt, endedAt, failureReason, null,
                version);
    }

    /** Whether it ever started solving: not while it waits, nor when it was stopped (or failed) before its turn. */
    public boolean ran() {
        return startedAt != null;
    }
}
