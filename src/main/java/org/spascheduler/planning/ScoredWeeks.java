package org.spascheduler.planning;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.springframework.stereotype.Component;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;

/**
 * The weeks the front desk asks about, each kept as a {@link ScoredWeek} between questions. Reading a week from the
 * database and mapping it cost far more than the question itself (on MEDIUM about 150 ms and 20 ms, against 10-50 ms
 * for the question), and between two questions the week rarely changes. A kept week is used only while
 * {@link BooksGeneration} says that nothing was written since it was read; any write at all (a booking, a therapist's
 * time off, a weight) makes the next question read the week again. Correctness first: an option must never be
 * offered from a week that has changed.
 */
@Component
public class ScoredWeeks {

    private static final Logger LOGGER = LoggerFactory.getLogger(ScoredWeeks.class);
    /**
     * This week and the next few are what a desk asks about, and a care plan's suggestions look up to 8 weeks ahead
     * plus the week they start in; a kept MEDIUM week holds a few MB, a week with few sessions far less.
     */
    private static final int WEEKS_KEPT = 10;
    /**
     * How long a question waits for another question about the same week to finish before it reads a week of its
     * own: a question takes tens of milliseconds, reading and mapping the week a few hundred.
     */
    private static final long WAIT_MILLIS = 300;

    private final PlanningWeeks planning;
    private final BooksGeneration books;
    private final ScoredWeek.ScoreDirectors scoreDirectors;
    private final Map<LocalDate, ScoredWeek> weeks = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, ScoredWeek> eldest) {
            return size() > WEEKS_KEPT;
        }
    };

    ScoredWeeks(PlanningWeeks planning, BooksGeneration books,
            SolverFactory<SpaSchedule> solverFactory) {
        this.planning = planning;
        this.books = books;
        this.scoreDirectors = new ScoredWeek.ScoreDirectors(solverFactory);
    }

    /** Answers a question about the week as stored now, from the kept week when it is still current. */
    public <T> T withWeek(LocalDate weekStart, Function<ScoredWeek, T> question) {
        var kept = kept(weekStart);
        if (kept != null && lock(kept)) {
            try {
                if (kept.isUsable() && kept.booksGeneration() == books.current()) {
                    return question.apply(kept);
                }
            } finally {
                kept.unlock();
            }
        }
        var generation = books.current();
        var started = System.nanoTime();
        var week = planning.storedEvenEmpty(weekStart);
        var loaded = System.nanoTime();
        var fresh = of(week, generation);
        LOGGER.debug("Slot options: week {} loaded in {} ms, mapped and scored in {} ms", weekStart,
                (loaded - started) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
        fresh.tryLock(); // Nobody else knows it yet.
        try {
            keep(weekStart, fresh);
            return question.apply(fresh);
        } finally {
            fresh.unlock();
        }
    }

    /**
     * Reads again, in a row, those of the weeks that are not kept or no longer current, sharing the spa's staff, rooms
     * and treatments between them (read once rather than per week): for a question about many weeks at once, such as a
     * care plan's. What is kept is then current for {@link #withWeek}, unless something is written meanwhile.
     */
    public void keepCurrent(List<LocalDate> weekStarts) {
        var generation = books.current();
        var stale = weekStarts.stream().filter(weekStart -> {
            var kept = kept(weekStart);
            return kept == null || kept.booksGeneration() != generation;
        }).toList();
        if (stale.size() < 2) {
            return; // withWeek reads one week as cheaply.
        }
        var started = System.nanoTime();
        var records = planning.spaRecords();
        for (var weekStart : stale) {
            keep(weekStart, of(planning.storedEvenEmpty(weekStart, records), generation));
        }
        LOGGER.debug("Weeks {} read again in {} ms", stale, (System.nanoTime() - started) / 1_000_000);
    }

    /** Answers one question about a week read inside a transaction of the caller's; the week is not kept. */
    public <T> T withWeekAsRead(StoredWeek week, Function<ScoredWeek, T> question) {
        return question.apply(of(week, books.current()));
    }

    private ScoredWeek of(StoredWeek week, long booksGeneration) {
        return new ScoredWeek(week, planning.solution(ScoredWeek.withoutUnplaced(week)), booksGeneration,
                scoreDirectors);
    }

    private synchronized @Nullable ScoredWeek kept(LocalDate weekStart) {
        return weeks.get(weekStart);
    }

    /** Kept only when nothing was written since it was read; otherwise it answers this one question and goes. */
    private synchronized void keep(LocalDate weekStart, ScoredWeek week) {
        if (week.booksGeneration() == books.current()) {
            weeks.put(weekStart, week);
        }
    }

    private static boolean lock(ScoredWeek week) {
        try {
            return week.tryLock(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
