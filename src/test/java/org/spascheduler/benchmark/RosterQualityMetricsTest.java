package org.spascheduler.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.AppointmentState;
import org.spascheduler.schedule.domain.CarePlan;
import org.spascheduler.schedule.domain.Client;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SeriesSpacing;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.SpaSettings;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TherapistLoad;
import org.spascheduler.schedule.domain.TimeSlot;
import org.spascheduler.schedule.domain.Treatment;
import org.spascheduler.schedule.domain.WeekInterval;

class RosterQualityMetricsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final int DAY = WeekInterval.MINUTES_PER_DAY;
    private static final int MON = 0;
    private static final int FRI = 4;
    private static final WeekInterval WHOLE_WEEK = new WeekInterval(0, 7 * DAY);

    private static final Treatment MASSAGE = new Treatment("massage", "Massage", List.of(30, 60), "massage",
            TherapistLoad.LOW, Set.of("table"), 10, null);
    private static final Room ROOM = new Room("room-1", "Room 1", Set.of("table"), List.of());
    /** Both work Monday to Friday 09:00-17:00: 2,400 available minutes each. */
    private static final Therapist ANNA = therapist("anna");
    private static final Therapist BEN = therapist("ben");
    /** Prefers Anna, and Monday mornings. */
    private static final Client CAROL = new Client("carol", "Carol", Set.of("anna"), Set.of(),
            List.of(new WeekInterval(at(MON, 9, 0), at(MON, 12, 0))), true);
    /** No preferences; would rather not see Ben. */
    private static final Client DAVE = new Client("dave", "Dave", Set.of(), Set.of("ben"), List.of(), false);
    private static final CarePlan CAROLS_PLAN = new CarePlan("plan-1", "Carol", "Massage", 6,
            new SeriesSpacing(2, 3, 3, 7), true, 0);

    @Test
    void countsWhatAManagerWouldCompare() {
        var sessions = new ArrayList<Appointment>();
        // Carol's plan: Monday 10:00 with Anna (preferred time and therapist), then Friday with Ben (neither; another
        // therapist; 4 days apart: within 2-7 but a day off the ideal 3).
        var carolFirst = session("s1", CAROL, 60, CAROLS_PLAN, 0);
        var carolSecond = session("s2", CAROL, 60, CAROLS_PLAN, 1);
        // Dave: 15 minutes after Carol with Anna (5 idle minutes beyond her 10-minute changeover), then with Ben.
        var daveWithAnna = session("s3", DAVE, 60, null, 0);
        var daveWithBen = session("s4", DAVE, 30, null, 0);
        var notPlaced = session("s5", DAVE, 30, null, 0);
        sessions.addAll(List.of(carolFirst, carolSecond, daveWithAnna, daveWithBen, notPlaced));
        var schedule = SpaSchedule.assemble(settings(), List.of(MASSAGE), List.of(ANNA, BEN), List.of(ROOM),
                List.of(CAROL, DAVE), List.of(CAROLS_PLAN), sessions);
        carolFirst.assign(ANNA, ROOM, slot(at(MON, 10, 0)));
        carolSecond.assign(BEN, ROOM, slot(at(FRI, 10, 0)));
        daveWithAnna.assign(ANNA, ROOM, slot(at(MON, 11, 15)));
        daveWithBen.assign(BEN, ROOM, slot(at(MON, 14, 0)));
        schedule.setScore(HardMediumSoftLongScore.of(-7, -1, -500));

        var metrics = RosterQualityMetrics.of(schedule);

        assertThat(metrics.sessions()).isEqualTo(5);
        assertThat(metrics.placed()).isEqualTo(4);
        assertThat(metrics.placedWithPreferredTime()).isEqualTo(2);
        assertThat(metrics.preferredTimeHits()).isEqualTo(1);
        assertThat(metrics.placedWithPreferredTherapist()).isEqualTo(2);
        assertThat(metrics.preferredTherapistHits()).isEqualTo(1);
        assertThat(metrics.avoidedTherapistAssigned()).isEqualTo(1);
        assertThat(metrics.carePlanPairs()).isEqualTo(1);
        assertThat(metrics.continuityHits()).isZero();
        assertThat(metrics.spacingWithinMinMax()).isEqualTo(1);
        assertThat(metrics.daysOffIdealSpacing()).isEqualTo(1);
        assertThat(metrics.shortIdleMinutes()).isEqualTo(5);
        // Anna 120 of 2,400 minutes (5%), Ben 90 (3.75%): each 0.625 points from the mean.
        assertThat(metrics.workloadSpreadPercent()).isCloseTo(0.625, within(1e-9));
        assertThat(metrics.hardScore()).isEqualTo(-7);
        assertThat(metrics.preferredTimeHitRate()).isEqualTo(0.5);
    }

    @Test
    void continuityCountsSameTherapistPairs() {
        var first = session("s1", CAROL, 60, CAROLS_PLAN, 0);
        var second = session("s2", CAROL, 60, CAROLS_PLAN, 1);
        var schedule = SpaSchedule.assemble(settings(), List.of(MASSAGE), List.of(ANNA, BEN), List.of(ROOM),
                List.of(CAROL), List.of(CAROLS_PLAN), List.of(first, second));
        first.assign(ANNA, ROOM, slot(at(MON, 10, 0)));
        // One day apart: below the minimum of 2, two days off the ideal.
        second.assign(ANNA, ROOM, slot(at(MON + 1, 10, 0)));
        schedule.setScore(HardMediumSoftLongScore.ZERO);

        var metrics = RosterQualityMetrics.of(schedule);

        assertThat(metrics.continuityHits()).isEqualTo(1);
        assertThat(metrics.spacingWithinMinMax()).isZero();
        assertThat(metrics.daysOffIdealSpacing()).isEqualTo(2);
    }

    @Test
    void anUnscoredRosterIsRefused() {
        var schedule = SpaSchedule.assemble(settings(), List.of(MASSAGE), List.of(ANNA), List.of(ROOM), List.of(),
                List.of(), List.of());

        assertThatThrownBy(() -> RosterQualityMetrics.of(schedule))
                .hasMessageContaining("SolutionManager.update");
    }

    private static Appointment session(String id, Client client, int minutes, CarePlan carePlan, int seriesIndex) {
        return new Appointment(id, client, MASSAGE, minutes, WHOLE_WEEK, AppointmentState.REQUESTED, false, carePlan,
                seriesIndex, null);
    }

    private static Therapist therapist(String id) {
        var shifts = new ArrayList<WeekInterval>();
        for (var day = MON; day <= FRI; day++) {
            shifts.add(new WeekInterval(at(day, 9, 0), at(day, 17, 0)));
        }
        return new Therapist(id, id, Set.of("massage"), shifts, List.of(), 10, 360, 4, List.of());
    }

    private static SpaSettings settings() {
        var open = new ArrayList<WeekInterval>();
        for (var day = 0; day < 7; day++) {
            open.add(new WeekInterval(at(day, 9, 0), at(day, 21, 0)));
        }
        return new SpaSettings("Test spa", MONDAY, ZoneId.of("Europe/Amsterdam"), 15, open);
    }

    private static TimeSlot slot(int minute) {
        return new TimeSlot(minute, MONDAY.atStartOfDay().plusMinutes(minute));
    }

    private static int at(int day, int hour, int minute) {
        return day * DAY + hour * 60 + minute;
    }
}
