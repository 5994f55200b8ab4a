package org.spascheduler.schedule.api;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.spascheduler.schedule.demo.DemoSize;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One demo solve, kept so that runs (and tuning) can be compared afterwards. */
@Table
public record DemoSolveRun(@Id @Nullable Long id, String size, String score, int sessions, int scheduled,
        int unscheduled, long solvingMillis, Instant startedAt) {

    static DemoSolveRun of(DemoSize size, RosterView view, Instant startedAt) {
        return new DemoSolveRun(null, size.name(), view.score().score(), view.sessions(), view.scheduled(),
                view.unscheduled(), view.solvingMillis(), startedAt);
    }
}
