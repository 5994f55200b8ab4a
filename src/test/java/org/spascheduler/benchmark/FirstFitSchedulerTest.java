package org.spascheduler.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

import ai.timefold.solver.core.config.solver.SolverConfig;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;

/** A smoke test of the baseline on the small demo week; the comparison itself is the benchmark's job. */
class FirstFitSchedulerTest {

    private static final FirstFitScheduler FIRST_FIT =
            new FirstFitScheduler(SolverConfig.createFromXmlResource("solverConfig.xml"));

    @Test
    void booksTheSmallWeekWithoutBreakingAHardRule() {
        var problem = DemoSpaGenerator.generate(DemoSize.SMALL);

        var booked = FIRST_FIT.schedule(problem);

        var quality = RosterQualityMetrics.of(booked);
        assertThat(quality.hardScore()).isZero();
        assertThat(quality.placed()).isGreaterThan(quality.sessions() * 9 / 10);
        assertThat(booked.getAppointments()).allMatch(session -> session.getStart() == null || session.isScheduled());
        var promised = problem.getAppointments().stream().filter(Appointment::isPinned).toList();
        assertThat(promised).isNotEmpty();
        var bookedById = byId(booked);
        assertThat(promised).allMatch(session -> bookedById.get(session.getId()).getStart().minuteOfWeek()
                == session.getStart().minuteOfWeek());
    }

    @Test
    void booksTheSameWeekTheSameWay() {
        var first = FIRST_FIT.schedule(DemoSpaGenerator.generate(DemoSize.SMALL));
        var second = FIRST_FIT.schedule(DemoSpaGenerator.generate(DemoSize.SMALL));

        assertThat(describe(second)).isEqualTo(describe(first));
    }

    @Test
    void requestsArriveWithTheBookAlreadyKeptAndCarePlansInSeriesOrder() {
        var week = DemoSpaGenerator.generate(DemoSize.MEDIUM);

        var order = ArrivalOrder.of(week);

        assertThat(order).hasSameSizeAs(week.getAppointments());
        var pinnedCount = (int) week.getAppointments().stream().filter(Appointment::isPinned).count();
        assertThat(order.subList(0, pinnedCount)).allMatch(Appointment::isPinned);
        var plans = new HashMap<String, Integer>();
        for (var session : order) {
            if (session.getCarePlan() != null) {
                var previous = plans.put(session.getCarePlan().id(), session.getSeriesIndex());
                assertThat(previous == null || previous < session.getSeriesIndex()).isTrue();
            }
        }
        // Not the generator's order, which follows the hidden roster the requests were made from.
        assertThat(order.subList(pinnedCount, order.size()))
                .isNotEqualTo(week.getAppointments().stream().filter(session -> !session.isPinned()).toList());
    }

    private static HashMap<String, Appointment> byId(SpaSchedule schedule) {
        var byId = new HashMap<String, Appointment>();
        schedule.getAppointments().forEach(session -> byId.put(session.getId(), session));
        return byId;
    }

    private static List<String> describe(SpaSchedule schedule) {
        return schedule.getAppointments().stream()
                .sorted(Comparator.comparing(Appointment::getId))
                .map(session -> session.getId() + " " + session.getTherapist() + " " + session.getRoom() + " "
                        + session.getStart())
                .toList();
    }
}
