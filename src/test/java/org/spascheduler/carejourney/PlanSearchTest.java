package org.spascheduler.carejourney;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.domain.SeriesSpacing;

/** The search for a plan's days, times and therapists, on free places made up here: no Spring, no weeks. */
class PlanSearchTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2030, 1, 7);
    private static final SeriesSpacing TWO_TO_SEVEN = new SeriesSpacing(2, 3, 4, 7);
    private static final int REST = 48 * 60;

    @Test
    void everyStrategyKeepsTheSpacingAndTheRestFromTheClientsOtherHighLoadSessions() {
        // Another high-load session on day 3 at 10:00 rules out days 2 to 4 near that time (48 hours either way).
        var other = FIRST_DAY.plusDays(3).atTime(10, 0);
        for (var strategy : PlanStrategy.values()) {
            var found = new PlanSearch(problem(5, List.of(), List.of(other), 28), strategy, null).run(3);

            assertThat(found.complete()).as(strategy.name()).isNotEmpty();
            var sessions = found.complete().get(0).sessions();
            assertThat(sessions).hasSize(5);
            for (var index = 0; index < sessions.size(); index++) {
                var session = sessions.get(index);
                assertThat(Duration.between(other, session.startsAt()).abs()).isGreaterThanOrEqualTo(Duration
                        .ofHours(48));
                if (index > 0) {
                    var previous = sessions.get(index - 1);
                    assertThat(ChronoUnit.DAYS.between(previous.date(), session.date())).isBetween(2L, 7L);
                    assertThat(Duration.between(previous.startsAt(), session.startsAt()))
                            .isGreaterThanOrEqualTo(Duration.ofHours(48));
                }
            }
        }
    }

    @Test
    void theStrategiesLeanDifferentWays() {
        var problem = problem(4, List.of(), List.of(), 28);
        var earliest = new PlanSearch(problem, PlanStrategy.EARLIEST_START, null).run(1).complete().get(0);
        var ideal = new PlanSearch(problem, PlanStrategy.IDEAL_SPACING, null).run(1).complete().get(0);

        assertThat(earliest.sessions().get(0).date()).isEqualTo(FIRST_DAY);
        assertThat(gaps(earliest.sessions())).as("as close as allowed").containsOnly(2L);
        assertThat(gaps(ideal.sessions())).as("within the ideal 3-4 days").allMatch(gap -> gap == 3 || gap == 4);
    }

    @Test
    void oneTherapistWhenAskedAndThePreferredTherapistFirst() {
        var problem = problem(3, List.of(), List.of(), 28);
        var onlyBen = new PlanSearch(problem, PlanStrategy.EARLIEST_START, "ben").run(1).complete().get(0);

        assertThat(onlyBen.sessions()).extracting(PlanSlot::therapistId).containsOnly("ben");
    }

    @Test
    void newSessionsFillTheGapBetweenKeptOnesKeepingTheSpacingWithBoth() {
        // Sessions kept on day 0 and day 8: 8 days apart is beyond the maximum, so the new one goes between them.
        var kept = List.of(new PlanSearch.Kept(FIRST_DAY.atTime(9, 0), "anna"),
                new PlanSearch.Kept(FIRST_DAY.plusDays(8).atTime(9, 0), "anna"));
        for (var strategy : PlanStrategy.values()) {
            var found = new PlanSearch(problem(1, kept, List.of(), 14, FIRST_DAY.plusDays(1)), strategy, null).run(5);

            assertThat(found.complete()).as(strategy.name()).isNotEmpty().allSatisfy(plan -> {
                var day = ChronoUnit.DAYS.between(FIRST_DAY, plan.sessions().get(0).date());
                assertThat(day).isBetween(2L, 6L);
                assertThat(plan.positions()).containsExactly(1);
                assertThat(plan.daysBeyondMaximum()).isZero();
            });
        }
    }

    @Test
    void whenTheHorizonIsTooShortTheLongestPlanThatFitsIsKept() {
        var found = new PlanSearch(problem(6, List.of(), List.of(), 7), PlanStrategy.EARLIEST_START, null).run(3);

        assertThat(found.complete()).isEmpty();
        assertThat(found.longestPartial()).isNotNull();
        assertThat(found.longestPartial().complete()).isFalse();
        assertThat(found.longestPartial().sessions()).as("days 0, 2, 4 and 6").hasSize(4);
    }

    private static PlanSearch.Problem problem(int sessions, List<PlanSearch.Kept> kept,
            List<LocalDateTime> otherHighLoad, int days) {
        return problem(sessions, kept, otherHighLoad, days, FIRST_DAY);
    }

    /** Two therapists, each free every day at 9:00 and 18:00. */
    private static PlanSearch.Problem problem(int sessions, List<PlanSearch.Kept> kept,
            List<LocalDateTime> otherHighLoad, int days, LocalDate firstDay) {
        var slots = new TreeMap<LocalDate, List<PlanSlot>>();
        for (var day = firstDay; day.isBefore(firstDay.plusDays(days)); day = day.plusDays(1)) {
            var free = new ArrayList<PlanSlot>();
            for (var therapist : List.of("anna", "ben")) {
                for (var hour : List.of(9, 18)) {
                    free.add(new PlanSlot(day.atTime(hour, 0), 60, therapist, therapist, "room", "Room", -10));
                }
            }
            slots.put(day, free);
        }
        return new PlanSearch.Problem(sessions, 60, TWO_TO_SEVEN, kept, true, REST, otherHighLoad, slots,
                startsAt -> 0, null, firstDay, firstDay.plusDays(days - 1));
    }

    private static List<Long> gaps(List<PlanSlot> sessions) {
        var gaps = new ArrayList<Long>();
        for (var index = 1; index < sessions.size(); index++) {
            gaps.add(ChronoUnit.DAYS.between(sessions.get(index - 1).date(), sessions.get(index).date()));
        }
        return gaps;
    }
}
