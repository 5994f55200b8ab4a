package org.spascheduler.roster;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Where a roster job stands.
 *
 * @param solving whether it is still solving
 * @param score the best roster's score so far; while the job is still placing sessions, soft scores count 0
 * @param spentMillis time spent solving, so far or in all
 * @param roster where to read the week's roster
 */
public record RosterJobView(long id, LocalDate weekStart, RosterJobStatus status, boolean solving,
        @Nullable String score, @Nullable Long hardScore, @Nullable Long mediumScore, @Nullable Long softScore,
        int sessions, int placed, int unplaced, long spentMillis, long spentLimitMillis, Instant startedAt,
        @Nullable Instant endedAt, @Nullable String failureReason, String roster, String explanation) {

    static RosterJobView of(RosterJob job) {
        var end = job.endedAt() == null ? Instant.now() : job.endedAt();
        return new RosterJobView(job.id(), job.weekStart(), job.status(), job.status() == RosterJobStatus.SOLVING,
                job.score(), job.hardScore(), job.mediumScore(), job.softScore(), job.sessions(), job.placed(),
                job.unplaced(), Math.max(0, end.toEpochMilli() - job.startedAt().toEpochMilli()),
                job.spentLimitMillis(), job.startedAt(), job.endedAt(), job.failureReason(),
                "/api/weeks/" + job.weekStart() + "/roster", "/api/weeks/" + job.weekStart() + "/explanation");
    }
}
