package org.spascheduler.roster;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One solve of a week's roster, as stored: where it stands and the best roster's score and counts so far.
 *
 * @param spentLimitMillis how long it may solve
 * @param failureReason why it failed, when it did
 */
@Table("ROSTER_JOB")
public record RosterJob(@Id @Nullable Long id, LocalDate weekStart, RosterJobStatus status, @Nullable String score,
        @Nullable Long hardScore, @Nullable Long mediumScore, @Nullable Long softScore, int sessions, int placed,
        int unplaced, long spentLimitMillis, Instant startedAt, @Nullable Instant endedAt,
        @Nullable String failureReason, @Version @Nullable Integer version) {

    public static RosterJob started(LocalDate weekStart, int sessions, int placed, long spentLimitMillis,
            Instant startedAt) {
        return new RosterJob(null, weekStart, RosterJobStatus.SOLVING, null, null, null, null, sessions, placed,
                sessions - placed, spentLimitMillis, startedAt, null, null, null);
    }

    public RosterJob withBest(String score, long hard, long medium, long soft, int placed) {
        return new RosterJob(id, weekStart, status, score, hard, medium, soft, sessions, placed, sessions - placed,
                spentLimitMillis, startedAt, endedAt, failureReason, version);
    }

    public RosterJob ended(RosterJobStatus status, Instant endedAt, @Nullable String failureReason) {
        return new RosterJob(id, weekStart, status, score, hardScore, mediumScore, softScore, sessions, placed,
                unplaced, spentLimitMillis, startedAt, endedAt, failureReason, version);
    }
}
