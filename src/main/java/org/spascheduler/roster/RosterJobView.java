package org.spascheduler.roster;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a roster job stands.
 *
 * @param solving whether it is still solving
 * @param placeInQueue while it is QUEUED, how many jobs run before it, itself included (1: the next to run)
 * @param ran whether it ever started solving
 * @param score the best roster's score so far; while the job is still placing sessions, soft scores count 0
 * @param spentMillis time spent solving, so far or in all (none while queued)
 * @param roster where to read the week's roster
 */
@Schema(description = "Where a roster job stands")
public record RosterJobView(long id, LocalDate weekStart,
        @Schema(description = "QUEUED: waiting for its turn (see placeInQueue), its time budget not yet started; "
                + "SOLVING; then COMPLETED, STOPPED or FAILED", example = "QUEUED") RosterJobStatus status,
        boolean solving,
        @Schema(description = "While the job is QUEUED, its place in the queue: 1 is the next to run, when a running "
                + "job ends; null otherwise", example = "2", nullable = true) @Nullable Integer placeInQueue,
        @Schema(description = "Whether the job ever started solving: false while it is QUEUED, and for a job stopped "
                + "while queued, which never ran and changed nothing", example = "false") boolean ran,
        @Nullable String score, @Nullable Long hardScore, @Nullable Long mediumScore, @Nullable Long softScore,
        @Schema(description = "The week's sessions, counted when the job was asked for and again when it starts, "
                + "when it reads the week") int sessions,
        int placed, int unplaced,
        @Schema(description = "Time spent solving, so far or in all; 0 while queued") long spentMillis,
        @Schema(description = "The time budget, counted from when the job starts solving, not from when it was "
                + "queued") long spentLimitMillis,
        @Schema(description = "When the job was asked for") Instant queuedAt,
        @Schema(description = "When it started solving; null while it is QUEUED and for a job that never ran",
                nullable = true) @Nullable Instant startedAt,
        @Nullable Instant endedAt, @Nullable String failureReason, String roster, String explanation) {

    static RosterJobView of(RosterJob job, @Nullable Integer placeInQueue) {
        var started = job.startedAt();
        var end = job.endedAt() == null ? Instant.now() : job.endedAt();
        var spent = started == null ? 0 : Math.max(0, end.toEpochMilli() - started.toEpochMilli());
        return new RosterJobView(job.id(), job.weekStart(), job.status(), job.status() == RosterJobStatus.SOLVING,
                job.status() == RosterJobStatus.QUEUED ? placeInQueue : null, job.ran(), job.score(),
                job.hardScore(), job.mediumScore(), job.softScore(), job.sessions(), job.placed(), job.unplaced(),
                spent, job.spentLimitMillis(), job.queuedAt(), started, job.endedAt(), job.failureReason(),
                "/api/weeks/" + job.weekStart() + "/roster", "/api/weeks/" + job.weekStart() + "/explanation");
    }
}
