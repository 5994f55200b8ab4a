package org.spascheduler.schedule.solver;

import static org.spascheduler.schedule.solver.RosterFixtures.DEEP_TISSUE;
import static org.spascheduler.schedule.solver.RosterFixtures.DEEP_TISSUE_SKILL;
import static org.spascheduler.schedule.solver.RosterFixtures.FRI;
import static org.spascheduler.schedule.solver.RosterFixtures.HOT_STONE;
import static org.spascheduler.schedule.solver.RosterFixtures.HOT_STONE_SKILL;
import static org.spascheduler.schedule.solver.RosterFixtures.MASSAGE_TABLE;
import static org.spascheduler.schedule.solver.RosterFixtures.MON;
import static org.spascheduler.schedule.solver.RosterFixtures.RELAXATION;
import static org.spascheduler.schedule.solver.RosterFixtures.RELAXATION_SKILL;
import static org.spascheduler.schedule.solver.RosterFixtures.SAT;
import static org.spascheduler.schedule.solver.RosterFixtures.SETTINGS;
import static org.spascheduler.schedule.solver.RosterFixtures.STONE_HEATER;
import static org.spascheduler.schedule.solver.RosterFixtures.SUN;
import static org.spascheduler.schedule.solver.RosterFixtures.THU;
import static org.spascheduler.schedule.solver.RosterFixtures.TRIGGER_POINT;
import static org.spascheduler.schedule.solver.RosterFixtures.TRIGGER_POINT_SKILL;
import static org.spascheduler.schedule.solver.RosterFixtures.TRIGGER_POINT_SPACING;
import static org.spascheduler.schedule.solver.RosterFixtures.TUE;
import static org.spascheduler.schedule.solver.RosterFixtures.WED;
import static org.spascheduler.schedule.solver.RosterFixtures.at;
import static org.spascheduler.schedule.solver.RosterFixtures.between;
import static org.spascheduler.schedule.solver.RosterFixtures.carePlan;
import static org.spascheduler.schedule.solver.RosterFixtures.client;
import static org.spascheduler.schedule.solver.RosterFixtures.clientAvoiding;
import static org.spascheduler.schedule.solver.RosterFixtures.clientPreferring;
import static org.spascheduler.schedule.solver.RosterFixtures.clientPreferringTimes;
import static org.spascheduler.schedule.solver.RosterFixtures.guest;
import static org.spascheduler.schedule.solver.RosterFixtures.hours;
import static org.spascheduler.schedule.solver.RosterFixtures.room;
import static org.spascheduler.schedule.solver.RosterFixtures.roomOutOfService;
import static org.spascheduler.schedule.solver.RosterFixtures.session;
import static org.spascheduler.schedule.solver.RosterFixtures.therapist;
import static org.spascheduler.schedule.solver.RosterFixtures.therapistWithShifts;
import static org.spascheduler.schedule.solver.RosterFixtures.weekdays;
import static org.spascheduler.schedule.solver.RosterFixtures.withCaps;
import static org.spascheduler.schedule.solver.RosterFixtures.withWorkRules;
import static org.spascheduler.schedule.solver.RosterFixtures.withChangeover;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

import org.junit.jupiter.api.Nested;
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
import org.spascheduler.schedule.domain.WorkRules;

/**
 * One nested class per constraint of {@link SpaConstraintProvider}: a case where it fires, with its exact match weight
 * (the verifier ignores the constraint weight), and a case where it does not. Rules refer to shared/DOMAIN.md.
 */
class SpaConstraintProviderTest {

    private static final ConstraintVerifier<SpaConstraintProvider, SpaSchedule> constraintVerifier =
            ConstraintVerifier.build(new SpaConstraintProvider(), SpaSchedule.class, Appointment.class);

    /** Every skill, Monday to Friday 09:00-18:00, changeover 10 minutes. */
    private final Therapist anna = therapist("Anna", RELAXATION_SKILL, DEEP_TISSUE_SKILL, TRIGGER_POINT_SKILL,
            HOT_STONE_SKILL);
    /** Relaxation only. */
    private final Therapist ben = therapist("Ben", RELAXATION_SKILL);

    private final Room lotus = room("Lotus", MASSAGE_TABLE);
    private final Room bamboo = room("Bamboo", MASSAGE_TABLE);
    private final Room stoneRoom = room("Stone room", MASSAGE_TABLE, STONE_HEATER);

    private final Client bruno = client("Bruno Alves");
    private final Client mei = client("Mei Lin");

    // ************************************************************************
    // Hard
    // ************************************************************************

    @Nested
    class TherapistLacksSkill {

        @Test
        void therapistLacksSkill_fires_per_session_minute_when_therapist_is_not_trained() {
            var deepTissueWithBen = session("s1", bruno, DEEP_TISSUE, 90).at(ben, lotus, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::therapistLacksSkill)
                    .given(deepTissueWithBen)
                    .penalizesBy(90);
        }

        @Test
        void therapistLacksSkill_does_not_fire_for_a_skilled_or_unassigned_therapist() {
            var deepTissueWithAnna = session("s1", bruno, DEEP_TISSUE, 90).at(anna, lotus, at(TUE, 10));
            var noTherapistYet = session("s2", mei, DEEP_TISSUE, 60).at(null, lotus, at(TUE, 12));

            constraintVerifier.verifyThat(SpaConstraintProvider::therapistLacksSkill)
                    .given(deepTissueWithAnna, noTherapistYet)
                    .penalizes(0);
        }
    }

    @Nested
    class OutsideRequestedWindow {

        @Test
        void outsideRequestedWindow_fires_for_the_minutes_past_the_window() {
            // Asked for Tuesday 10:00-13:00; 90 minutes from 12:30 end at 14:00, an hour outside.
            var late = session("s1", bruno, RELAXATION, 90).window(hours(TUE, 10, 13)).at(anna, lotus, at(TUE, 12, 30));

            constraintVerifier.verifyThat(SpaConstraintProvider::outsideRequestedWindow)
                    .given(late)
                    .penalizesBy(60);
        }

        @Test
        void outsideRequestedWindow_does_not_fire_when_the_session_ends_at_the_window_end() {
            var fits = session("s1", bruno, RELAXATION, 60).window(hours(TUE, 10, 13)).at(anna, lotus, at(TUE, 12));

            constraintVerifier.verifyThat(SpaConstraintProvider::outsideRequestedWindow)
                    .given(fits)
                    .penalizes(0);
        }
    }

    @Nested
    class OutsideTherapistShift {

        @Test
        void outsideTherapistShift_fires_for_the_minutes_in_the_gap_between_two_shifts() {
            // Tuesday 10:00-14:00 and 14:30-18:00: a session 13:30-14:45 spends 30 minutes in the gap.
            var carla = therapistWithShifts("Carla", List.of(hours(TUE, 10, 14), between(at(TUE, 14, 30), at(TUE, 18))),
                    RELAXATION_SKILL);
            var acrossTheGap = session("s1", bruno, RELAXATION, 75).at(carla, lotus, at(TUE, 13, 30));

            constraintVerifier.verifyThat(SpaConstraintProvider::outsideTherapistShift)
                    .given(acrossTheGap)
                    .penalizesBy(30);
        }

        @Test
        void outsideTherapistShift_fires_for_every_minute_on_a_day_off() {
            var onSunday = session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(SUN, 11));

            constraintVerifier.verifyThat(SpaConstraintProvider::outsideTherapistShift)
                    .given(onSunday)
                    .penalizesBy(60);
        }

        @Test
        void outsideTherapistShift_does_not_fire_across_touching_shifts() {
            // Tuesday 10:00-14:00 and 14:00-18:00 count as one shift.
            var carla = therapistWithShifts("Carla", List.of(hours(TUE, 10, 14), hours(TUE, 14, 18)),
                    RELAXATION_SKILL);
            var acrossTheSeam = session("s1", bruno, RELAXATION, 60).at(carla, lotus, at(TUE, 13, 30));

            constraintVerifier.verifyThat(SpaConstraintProvider::outsideTherapistShift)
                    .given(acrossTheSeam)
                    .penalizes(0);
        }
    }

    @Nested
    class DuringTherapistTimeOff {

        /** Works the usual weekdays but has Wednesday 12:00-15:00 off (a doctor's appointment). */
        private final Therapist dana = therapist("Dana", weekdays(9, 18), List.of(hours(WED, 12, 15)), List.of(),
                RELAXATION_SKILL);

        @Test
        void duringTherapistTimeOff_fires_for_the_overlap_with_time_off() {
            var intoTimeOff = session("s1", bruno, RELAXATION, 60).at(dana, lotus, at(WED, 14, 30));

            constraintVerifier.verifyThat(SpaConstraintProvider::duringTherapistTimeOff)
                    .given(intoTimeOff)
                    .penalizesBy(30);
        }

        @Test
        void duringTherapistTimeOff_does_not_fire_right_after_time_off() {
            var afterTimeOff = session("s1", bruno, RELAXATION, 60).at(dana, lotus, at(WED, 15));

            constraintVerifier.verifyThat(SpaConstraintProvider::duringTherapistTimeOff)
                    .given(afterTimeOff)
                    .penalizes(0);
        }
    }

    @Nested
    class OutsideOpeningHours {

        @Test
        void outsideOpeningHours_fires_for_the_minutes_after_closing() {
            // Closes at 20:00; 90 minutes from 19:30 run an hour past closing.
            var pastClosing = session("s1", bruno, RELAXATION, 90).at(anna, lotus, at(TUE, 19, 30));

            constraintVerifier.verifyThat(SpaConstraintProvider::outsideOpeningHours)
                    .given(SETTINGS, pastClosing)
                    .penalizesBy(60);
        }

        @Test
        void outsideOpeningHours_does_not_fire_when_the_session_ends_at_closing() {
            var untilClosing = session("s1", bruno, RELAXATION, 90).at(anna, lotus, at(TUE, 18, 30));

            constraintVerifier.verifyThat(SpaConstraintProvider::outsideOpeningHours)
                    .given(SETTINGS, untilClosing)
                    .penalizes(0);
        }
    }

    @Nested
    class OffTheBookingGrain {

        @Test
        void offTheBookingGrain_fires_for_the_minutes_past_the_last_grain() {
            // 15-minute grain: 10:40 is 10 minutes past 10:30.
            var offGrain = session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10, 40));

            constraintVerifier.verifyThat(SpaConstraintProvider::offTheBookingGrain)
                    .given(SETTINGS, offGrain)
                    .penalizesBy(10);
        }

        @Test
        void offTheBookingGrain_does_not_fire_on_the_grain() {
            var onGrain = session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10, 45));

            constraintVerifier.verifyThat(SpaConstraintProvider::offTheBookingGrain)
                    .given(SETTINGS, onGrain)
                    .penalizes(0);
        }
    }

    @Nested
    class TherapistConflict {

        @Test
        void therapistConflict_fires_for_overlapping_sessions_including_changeover() {
            // 10:00-11:00 keeps Anna busy until 11:10; a session from 10:45 is 25 minutes too close.
            var first = session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10));
            var second = session("s2", mei, RELAXATION, 60).at(anna, bamboo, at(TUE, 10, 45));

            constraintVerifier.verifyThat(SpaConstraintProvider::therapistConflict)
                    .given(first, second)
                    .penalizesBy(25);
        }

        @Test
        void therapistConflict_fires_when_changeover_is_cut_short() {
            // The later session has the smaller id: order of ids must not matter.
            var earlier = session("s2", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10));
            var later = session("s1", mei, RELAXATION, 60).at(anna, bamboo, at(TUE, 11, 5));

            constraintVerifier.verifyThat(SpaConstraintProvider::therapistConflict)
                    .given(earlier, later)
                    .justifiesWith(new SessionPairJustification("s1", "s2",
                            "Anna is booked for Mei Lin's 60-min Relaxation (Tue 1 Dec 11:05) and Bruno Alves's "
                                    + "60-min Relaxation (Tue 1 Dec 10:00), 5 minutes too close (changeover included)."))
                    .penalizesBy(5);
        }

        @Test
        void therapistConflict_uses_the_therapists_own_changeover() {
            var slowChangeover = withChangeover(anna, 20);
            var earlier = session("s1", bruno, RELAXATION, 60).at(slowChangeover, lotus, at(TUE, 10));
            var later = session("s2", mei, RELAXATION, 60).at(slowChangeover, bamboo, at(TUE, 11, 15));

            constraintVerifier.verifyThat(SpaConstraintProvider::therapistConflict)
                    .given(earlier, later)
                    .penalizesBy(5);
        }

        @Test
        void therapistConflict_does_not_fire_after_a_full_changeover_or_for_another_therapist() {
            var first = session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10));
            var afterChangeover = session("s2", mei, RELAXATION, 60).at(anna, bamboo, at(TUE, 11, 10));
            var sameTimeWithBen = session("s3", client("Sofia Rossi"), RELAXATION, 60).at(ben, stoneRoom, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::therapistConflict)
                    .given(first, afterChangeover, sameTimeWithBen)
                    .penalizes(0);
        }
    }

    @Nested
    class RoomConflict {

        @Test
        void roomConflict_fires_when_the_earlier_sessions_turnover_is_cut_short() {
            // Deep tissue 10:00-11:00 needs 15 minutes of turnover: Lotus is free at 11:15, not 11:05.
            var deepTissue = session("s1", bruno, DEEP_TISSUE, 60).at(anna, lotus, at(TUE, 10));
            var relaxation = session("s2", mei, RELAXATION, 60).at(ben, lotus, at(TUE, 11, 5));

            constraintVerifier.verifyThat(SpaConstraintProvider::roomConflict)
                    .given(deepTissue, relaxation)
                    .penalizesBy(10);
        }

        @Test
        void roomConflict_fires_for_two_sessions_at_once() {
            // 10:00-11:00 and 10:30-11:30, relaxation turnover 10: Lotus is 40 minutes short.
            var first = session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10));
            var second = session("s2", mei, RELAXATION, 60).at(ben, lotus, at(TUE, 10, 30));

            constraintVerifier.verifyThat(SpaConstraintProvider::roomConflict)
                    .given(first, second)
                    .penalizesBy(40);
        }

        @Test
        void roomConflict_does_not_fire_after_the_earlier_sessions_turnover() {
            // Relaxation 10:00-11:00 turns over in 10 minutes; the deep tissue's own 15 minutes come after it.
            var relaxation = session("s1", bruno, RELAXATION, 60).at(ben, lotus, at(TUE, 10));
            var deepTissue = session("s2", mei, DEEP_TISSUE, 60).at(anna, lotus, at(TUE, 11, 10));
            var elsewhere = session("s3", client("Sofia Rossi"), RELAXATION, 60).at(anna, bamboo, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::roomConflict)
                    .given(relaxation, deepTissue, elsewhere)
                    .penalizes(0);
        }
    }

    @Nested
    class RoomLacksFeature {

        @Test
        void roomLacksFeature_fires_per_session_minute_without_a_stone_heater() {
            var hotStoneInLotus = session("s1", bruno, HOT_STONE, 90).at(anna, lotus, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::roomLacksFeature)
                    .given(hotStoneInLotus)
                    .penalizesBy(90);
        }

        @Test
        void roomLacksFeature_does_not_fire_in_an_equipped_room() {
            var hotStoneInStoneRoom = session("s1", bruno, HOT_STONE, 90).at(anna, stoneRoom, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::roomLacksFeature)
                    .given(hotStoneInStoneRoom)
                    .penalizes(0);
        }
    }

    @Nested
    class RoomOutOfService {

        /** The heater of the stone room is repaired Thursday 13:00-17:00. */
        private final Room brokenStoneRoom = roomOutOfService("Stone room", hours(THU, 13, 17), MASSAGE_TABLE,
                STONE_HEATER);

        @Test
        void roomOutOfService_fires_for_the_overlap_with_the_repair() {
            var intoRepair = session("s1", bruno, HOT_STONE, 90).at(anna, brokenStoneRoom, at(THU, 12));

            constraintVerifier.verifyThat(SpaConstraintProvider::roomOutOfService)
                    .given(intoRepair)
                    .penalizesBy(30);
        }

        @Test
        void roomOutOfService_does_not_fire_when_the_session_ends_as_the_repair_starts() {
            var beforeRepair = session("s1", bruno, HOT_STONE, 90).at(anna, brokenStoneRoom, at(THU, 11, 30));

            constraintVerifier.verifyThat(SpaConstraintProvider::roomOutOfService)
                    .given(beforeRepair)
                    .penalizes(0);
        }
    }

    @Nested
    class ClientConflict {

        @Test
        void clientConflict_fires_for_the_minutes_a_client_is_booked_twice() {
            var withAnna = session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10));
            var withBen = session("s2", bruno, RELAXATION, 90).at(ben, bamboo, at(TUE, 10, 30));

            constraintVerifier.verifyThat(SpaConstraintProvider::clientConflict)
                    .given(withAnna, withBen)
                    .penalizesBy(30);
        }

        @Test
        void clientConflict_does_not_fire_for_back_to_back_sessions_or_other_clients() {
            var withAnna = session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10));
            var rightAfter = session("s2", bruno, RELAXATION, 60).at(ben, bamboo, at(TUE, 11));
            var meiMeanwhile = session("s3", mei, RELAXATION, 60).at(ben, stoneRoom, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::clientConflict)
                    .given(withAnna, rightAfter, meiMeanwhile)
                    .penalizes(0);
        }
    }

    @Nested
    class RunWithoutBreak {

        @Test
        void runWithoutBreak_fires_when_a_29_minute_gap_does_not_break_the_run() {
            // 90 + (29-minute gap) 90 + (changeover) 60 = one run of 240 session minutes, 60 beyond 180.
            var first = session("s1", bruno, RELAXATION, 90).at(anna, lotus, at(TUE, 9));
            var second = session("s2", mei, RELAXATION, 90).at(anna, lotus, at(TUE, 10, 59));
            var third = session("s3", client("Sofia Rossi"), RELAXATION, 60).at(anna, lotus, at(TUE, 12, 39));

            constraintVerifier.verifyThat(SpaConstraintProvider::runWithoutBreak)
                    .given(first, second, third)
                    .justifiesWith(new TherapistDayJustification("anna", LocalDate.of(2026, 12, 1),
                            "Anna on Tue 1 Dec 09:00-13:39 works 60 session minutes beyond 180 without a 30-minute "
                                    + "break."))
                    .penalizesBy(60);
        }

        @Test
        void runWithoutBreak_follows_the_therapists_own_work_rules() {
            // 60 + 60 + 30 with changeovers only: 150 session minutes, within the default 180 but 30 beyond 120.
            var paced = withWorkRules(anna, new WorkRules(30, 120, 360, 60));
            var sessions = new Appointment[] {
                    session("s1", bruno, RELAXATION, 60).at(paced, lotus, at(TUE, 9)),
                    session("s2", mei, RELAXATION, 60).at(paced, lotus, at(TUE, 10, 15)),
                    session("s3", client("Sofia Rossi"), RELAXATION, 30).at(paced, lotus, at(TUE, 11, 30)) };

            constraintVerifier.verifyThat(SpaConstraintProvider::runWithoutBreak)
                    .given((Object[]) sessions)
                    .penalizesBy(30);
            var unpaced = new Appointment[] {
                    session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 9)),
                    session("s2", mei, RELAXATION, 60).at(anna, lotus, at(TUE, 10, 15)),
                    session("s3", client("Sofia Rossi"), RELAXATION, 30).at(anna, lotus, at(TUE, 11, 30)) };
            constraintVerifier.verifyThat(SpaConstraintProvider::runWithoutBreak)
                    .given((Object[]) unpaced)
                    .penalizes(0);
        }

        @Test
        void runWithoutBreak_does_not_fire_when_a_30_minute_gap_breaks_the_run() {
            // 90, then a 30-minute break, then 90 + 60 = 150: two runs within 180.
            var first = session("s1", bruno, RELAXATION, 90).at(anna, lotus, at(TUE, 9));
            var second = session("s2", mei, RELAXATION, 90).at(anna, lotus, at(TUE, 11));
            var third = session("s3", client("Sofia Rossi"), RELAXATION, 60).at(anna, lotus, at(TUE, 12, 40));

            constraintVerifier.verifyThat(SpaConstraintProvider::runWithoutBreak)
                    .given(first, second, third)
                    .penalizes(0);
        }

        @Test
        void runWithoutBreak_sums_the_excess_of_each_run_and_does_not_join_days() {
            // Tuesday: 90 + 90 + 30 = 210 (30 beyond), break, 90 + 90 + 60 = 240 (60 beyond). Wednesday 90 alone.
            var sessions = new Appointment[] {
                    session("s1", bruno, RELAXATION, 90).at(anna, lotus, at(TUE, 9)),
                    session("s2", mei, RELAXATION, 90).at(anna, lotus, at(TUE, 10, 40)),
                    session("s3", client("Sofia Rossi"), RELAXATION, 30).at(anna, lotus, at(TUE, 12, 20)),
                    session("s4", client("Tom Becker"), RELAXATION, 90).at(anna, lotus, at(TUE, 13, 30)),
                    session("s5", client("Hana Sato"), RELAXATION, 90).at(anna, lotus, at(TUE, 15, 10)),
                    session("s6", client("Lena Weber"), RELAXATION, 60).at(anna, lotus, at(TUE, 16, 50)),
                    session("s7", client("Omar Haddad"), RELAXATION, 90).at(anna, lotus, at(WED, 9)) };

            constraintVerifier.verifyThat(SpaConstraintProvider::runWithoutBreak)
                    .given((Object[]) sessions)
                    .penalizesBy(90);
        }
    }

    @Nested
    class LongDayWithoutBreak {

        @Test
        void longDayWithoutBreak_fires_for_the_span_beyond_six_hours() {
            // 09:00-16:00 with 20-minute gaps only: 7 hours, one beyond 6.
            var sessions = fourSessionsWithGaps(20, 20, 20, 90);

            constraintVerifier.verifyThat(SpaConstraintProvider::longDayWithoutBreak)
                    .given((Object[]) sessions)
                    .penalizesBy(60);
        }

        @Test
        void longDayWithoutBreak_does_not_fire_with_one_30_minute_gap() {
            var sessions = fourSessionsWithGaps(20, 30, 20, 90);

            constraintVerifier.verifyThat(SpaConstraintProvider::longDayWithoutBreak)
                    .given((Object[]) sessions)
                    .penalizes(0);
        }

        @Test
        void longDayWithoutBreak_does_not_fire_for_exactly_six_hours() {
            // 09:00-15:00: 90, 90, 90 and a last 30, with 20-minute gaps.
            var sessions = fourSessionsWithGaps(20, 20, 20, 30);

            constraintVerifier.verifyThat(SpaConstraintProvider::longDayWithoutBreak)
                    .given((Object[]) sessions)
                    .penalizes(0);
        }

        /** Anna's Tuesday from 09:00: three 90-minute sessions and a last one, separated by the given gaps. */
        private Appointment[] fourSessionsWithGaps(int gap1, int gap2, int gap3, int lastMinutes) {
            var start1 = at(TUE, 9);
            var start2 = start1 + 90 + gap1;
            var start3 = start2 + 90 + gap2;
            var start4 = start3 + 90 + gap3;
            return new Appointment[] {
                    session("s1", bruno, RELAXATION, 90).at(anna, lotus, start1),
                    session("s2", mei, RELAXATION, 90).at(anna, lotus, start2),
                    session("s3", client("Sofia Rossi"), RELAXATION, 90).at(anna, lotus, start3),
                    session("s4", client("Tom Becker"), RELAXATION, lastMinutes).at(anna, lotus, start4) };
        }
    }

    @Nested
    class DailyHandsOnCap {

        @Test
        void dailyHandsOnCap_fires_for_the_minutes_over_the_cap() {
            // 4 x 90 + 60 = 420 hands-on minutes on Tuesday, cap 360.
            constraintVerifier.verifyThat(SpaConstraintProvider::dailyHandsOnCap)
                    .given(relaxation("s1", TUE, 9, 90), relaxation("s2", TUE, 11, 90), relaxation("s3", TUE, 13, 90),
                            relaxation("s4", TUE, 15, 90), relaxation("s5", TUE, 17, 60))
                    .penalizesBy(60);
        }

        @Test
        void dailyHandsOnCap_uses_the_therapists_own_cap() {
            var partTimer = withCaps(anna, 240, 4);
            constraintVerifier.verifyThat(SpaConstraintProvider::dailyHandsOnCap)
                    .given(session("s1", bruno, RELAXATION, 90).at(partTimer, lotus, at(TUE, 9)),
                            session("s2", mei, RELAXATION, 90).at(partTimer, lotus, at(TUE, 11)),
                            session("s3", client("Sofia Rossi"), RELAXATION, 90).at(partTimer, lotus, at(TUE, 13)))
                    .penalizesBy(30);
        }

        @Test
        void dailyHandsOnCap_does_not_fire_at_the_cap_or_across_calendar_days() {
            // 360 on Tuesday (exactly the cap) and 60 on Wednesday.
            constraintVerifier.verifyThat(SpaConstraintProvider::dailyHandsOnCap)
                    .given(relaxation("s1", TUE, 9, 90), relaxation("s2", TUE, 11, 90), relaxation("s3", TUE, 13, 90),
                            relaxation("s4", TUE, 15, 90), relaxation("s5", WED, 9, 60))
                    .penalizes(0);
        }

        private Appointment relaxation(String id, int day, int hour, int minutes) {
            return session(id, guest(Integer.parseInt(id.substring(1))), RELAXATION, minutes).at(anna, lotus, at(day, hour));
        }
    }

    @Nested
    class DailyHighLoadCap {

        @Test
        void dailyHighLoadCap_fires_per_high_load_session_over_the_cap() {
            // Six 30-minute trigger point sessions on Tuesday, cap 4.
            constraintVerifier.verifyThat(SpaConstraintProvider::dailyHighLoadCap)
                    .given(triggerPoint("s1", 9), triggerPoint("s2", 10), triggerPoint("s3", 11),
                            triggerPoint("s4", 13), triggerPoint("s5", 14), triggerPoint("s6", 15))
                    .penalizesBy(2);
        }

        @Test
        void dailyHighLoadCap_does_not_fire_for_four_high_load_and_any_low_load_sessions() {
            constraintVerifier.verifyThat(SpaConstraintProvider::dailyHighLoadCap)
                    .given(triggerPoint("s1", 9), triggerPoint("s2", 10), triggerPoint("s3", 11),
                            triggerPoint("s4", 13),
                            session("s5", bruno, RELAXATION, 30).at(anna, lotus, at(TUE, 14)),
                            session("s6", mei, RELAXATION, 30).at(anna, lotus, at(TUE, 15)))
                    .penalizes(0);
        }

        private Appointment triggerPoint(String id, int hour) {
            return session(id, guest(Integer.parseInt(id.substring(1))), TRIGGER_POINT, 30).at(anna, lotus, at(TUE, hour));
        }
    }

    @Nested
    class CarePlanSpacingBelowMinimum {

        /** Trigger point: at least 2 days apart, ideally 3-4, at most 7. */
        private final CarePlan plan = carePlan(bruno, TRIGGER_POINT, TRIGGER_POINT_SPACING, true);

        @Test
        void carePlanSpacingBelowMinimum_fires_per_calendar_day_short() {
            // Monday 18:00 to Tuesday 09:00 is 1 calendar day, 1 short of 2.
            constraintVerifier.verifyThat(SpaConstraintProvider::carePlanSpacingBelowMinimum)
                    .given(planSession("s1", 0, at(MON, 18)), planSession("s2", 1, at(TUE, 9)))
                    .penalizesBy(1);
        }

        @Test
        void carePlanSpacingBelowMinimum_fires_when_the_series_is_out_of_order() {
            // Session 2 on Monday, session 1 on Wednesday: -2 days apart, 4 short of +2.
            constraintVerifier.verifyThat(SpaConstraintProvider::carePlanSpacingBelowMinimum)
                    .given(planSession("s1", 0, at(WED, 10)), planSession("s2", 1, at(MON, 10)))
                    .penalizesBy(4);
        }

        @Test
        void carePlanSpacingBelowMinimum_does_not_fire_from_monday_evening_to_wednesday_morning() {
            // Fewer than 48 hours, but Monday to Wednesday is 2 calendar days.
            constraintVerifier.verifyThat(SpaConstraintProvider::carePlanSpacingBelowMinimum)
                    .given(planSession("s1", 0, at(MON, 18)), planSession("s2", 1, at(WED, 9)),
                            session("s3", bruno, TRIGGER_POINT, 60).inCarePlan(plan, 2).unassigned())
                    .penalizes(0);
        }

        @Test
        void carePlanSpacingBelowMinimum_fires_when_the_series_is_reversed_within_one_day() {
            var sameDayAllowed = carePlan(bruno, TRIGGER_POINT, new SeriesSpacing(0, 1, 2, 7), true);
            var sessionOne = session("s1", bruno, TRIGGER_POINT, 60).inCarePlan(sameDayAllowed, 0)
                    .at(anna, lotus, at(TUE, 15));
            var sessionTwo = session("s2", bruno, TRIGGER_POINT, 60).inCarePlan(sameDayAllowed, 1)
                    .at(anna, lotus, at(TUE, 9));

            constraintVerifier.verifyThat(SpaConstraintProvider::carePlanSpacingBelowMinimum)
                    .given(sessionOne, sessionTwo)
                    .penalizes(1);
        }

        private Appointment planSession(String id, int seriesIndex, int start) {
            return session(id, bruno, TRIGGER_POINT, 60).inCarePlan(plan, seriesIndex).at(anna, lotus, start);
        }
    }

    @Nested
    class HighLoadSessionsTooClose {

        @Test
        void highLoadSessionsTooClose_fires_for_the_minutes_short_of_48_hours() {
            // Monday 10:00 and Wednesday 09:35: 25 minutes short, whether in a care plan or not.
            var plan = carePlan(bruno, TRIGGER_POINT, TRIGGER_POINT_SPACING, true);
            var triggerPoint = session("s1", bruno, TRIGGER_POINT, 60).inCarePlan(plan, 0).at(anna, lotus, at(MON, 10));
            var deepTissue = session("s2", bruno, DEEP_TISSUE, 60).at(anna, lotus, at(WED, 9, 35));

            constraintVerifier.verifyThat(SpaConstraintProvider::highLoadSessionsTooClose)
                    .given(SETTINGS, triggerPoint, deepTissue)
                    .penalizesBy(25);
        }

        @Test
        void highLoadSessionsTooClose_follows_the_spas_own_rest() {
            // A spa that asks for 24 hours: Monday 10:00 and Tuesday 09:35 are 25 minutes short.
            var dailyRest = new SpaSettings(SETTINGS.spaName(), SETTINGS.weekStart(), SETTINGS.timeZone(),
                    SETTINGS.grainMinutes(), SETTINGS.openingHours(), 24 * 60);
            var monday = session("s1", bruno, DEEP_TISSUE, 60).at(anna, lotus, at(MON, 10));
            var tuesday = session("s2", bruno, DEEP_TISSUE, 60).at(anna, lotus, at(TUE, 9, 35));

            constraintVerifier.verifyThat(SpaConstraintProvider::highLoadSessionsTooClose)
                    .given(dailyRest, monday, tuesday)
                    .penalizesBy(25);
        }

        @Test
        void highLoadSessionsTooClose_does_not_fire_for_exactly_48_hours() {
            var monday = session("s1", bruno, DEEP_TISSUE, 60).at(anna, lotus, at(MON, 10));
            var wednesday = session("s2", bruno, DEEP_TISSUE, 60).at(anna, lotus, at(WED, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::highLoadSessionsTooClose)
                    .given(SETTINGS, monday, wednesday)
                    .penalizes(0);
        }

        @Test
        void highLoadSessionsTooClose_does_not_fire_for_low_load_sessions_or_other_clients() {
            var deepTissue = session("s1", bruno, DEEP_TISSUE, 60).at(anna, lotus, at(MON, 10));
            var relaxationNextDay = session("s2", bruno, RELAXATION, 60).at(ben, lotus, at(TUE, 10));
            var meiSameDay = session("s3", mei, DEEP_TISSUE, 60).at(anna, lotus, at(MON, 14));

            constraintVerifier.verifyThat(SpaConstraintProvider::highLoadSessionsTooClose)
                    .given(SETTINGS, deepTissue, relaxationNextDay, meiSameDay)
                    .penalizes(0);
        }
    }

    @Nested
    class PinnedSessionMoved {

        @Test
        void pinnedSessionMoved_fires_per_minute_moved_plus_an_hour() {
            // Confirmed for Tuesday 10:00, not released, now at 11:30: 90 + 60.
            var moved = session("s1", bruno, DEEP_TISSUE, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .at(anna, lotus, at(TUE, 11, 30));

            constraintVerifier.verifyThat(SpaConstraintProvider::pinnedSessionMoved)
                    .given(moved)
                    .penalizesBy(150);
        }

        @Test
        void pinnedSessionMoved_fires_an_hour_for_a_changed_therapist_at_the_same_time() {
            var otherTherapist = session("s1", bruno, RELAXATION, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .at(ben, lotus, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::pinnedSessionMoved)
                    .given(otherTherapist)
                    .penalizesBy(60);
        }

        @Test
        void pinnedSessionMoved_fires_for_a_done_session_even_if_marked_released() {
            var done = session("s1", bruno, RELAXATION, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .state(AppointmentState.DONE).releasedByFrontDesk()
                    .at(anna, lotus, at(TUE, 10, 30));

            constraintVerifier.verifyThat(SpaConstraintProvider::pinnedSessionMoved)
                    .given(done)
                    .penalizesBy(90);
        }

        @Test
        void pinnedSessionMoved_does_not_fire_for_a_released_or_unmoved_session() {
            var released = session("s1", bruno, DEEP_TISSUE, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .releasedByFrontDesk().at(anna, bamboo, at(WED, 14));
            var kept = session("s2", mei, RELAXATION, 60).confirmedAs(ben, lotus, at(TUE, 10))
                    .at(ben, lotus, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::pinnedSessionMoved)
                    .given(released, kept)
                    .penalizes(0);
        }
    }

    // ************************************************************************
    // Medium
    // ************************************************************************

    @Nested
    class UnscheduledSession {

        private final CarePlan plan = carePlan(bruno, TRIGGER_POINT, TRIGGER_POINT_SPACING, true);

        @Test
        void unscheduledSession_weighs_a_care_plan_follow_up_8() {
            var followUp = session("s1", bruno, TRIGGER_POINT, 60).inCarePlan(plan, 1).unassigned();

            constraintVerifier.verifyThat(SpaConstraintProvider::unscheduledSession)
                    .given(followUp)
                    .penalizesBy(8);
        }

        @Test
        void unscheduledSession_weighs_a_released_confirmed_session_3() {
            var released = session("s1", mei, RELAXATION, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .releasedByFrontDesk().unassigned();

            constraintVerifier.verifyThat(SpaConstraintProvider::unscheduledSession)
                    .given(released)
                    .penalizesBy(3);
        }

        @Test
        void unscheduledSession_weighs_a_new_request_or_a_plans_first_session_1() {
            var newRequest = session("s1", mei, RELAXATION, 60).unassigned();
            var firstOfPlan = session("s2", bruno, TRIGGER_POINT, 60).inCarePlan(plan, 0).unassigned();
            // Given a start but no room yet (mid-construction): no longer waiting for a time.
            var noRoomYet = session("s3", client("Sofia Rossi"), RELAXATION, 60).at(anna, null, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::unscheduledSession)
                    .given(newRequest, firstOfPlan, noRoomYet)
                    .penalizesBy(2);
        }

        @Test
        void unscheduledSession_weighs_a_chronic_clients_request_2() {
            var chronic = new Client("hana-sato", "Hana Sato", Set.of(), Set.of(), List.of(), true);
            var request = session("s1", chronic, TRIGGER_POINT, 60).unassigned();

            constraintVerifier.verifyThat(SpaConstraintProvider::unscheduledSession)
                    .given(request)
                    .penalizesBy(2);
        }

        @Test
        void unscheduledSession_does_not_fire_for_scheduled_sessions() {
            var followUp = session("s1", bruno, TRIGGER_POINT, 60).inCarePlan(plan, 1).at(anna, lotus, at(THU, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::unscheduledSession)
                    .given(followUp)
                    .penalizes(0);
        }
    }

    @Nested
    class CarePlanSpacingAboveMaximum {

        /** At least 1 day apart, ideally 2, at most 3. */
        private final CarePlan plan = carePlan(bruno, TRIGGER_POINT, new SeriesSpacing(1, 2, 2, 3), true);

        @Test
        void carePlanSpacingAboveMaximum_fires_per_day_beyond_the_maximum() {
            // Monday to Saturday: 5 days, 2 beyond 3.
            constraintVerifier.verifyThat(SpaConstraintProvider::carePlanSpacingAboveMaximum)
                    .given(planSession("s1", 0, at(MON, 10)), planSession("s2", 1, at(SAT, 10)))
                    .penalizesBy(2);
        }

        @Test
        void carePlanSpacingAboveMaximum_does_not_fire_at_the_maximum() {
            constraintVerifier.verifyThat(SpaConstraintProvider::carePlanSpacingAboveMaximum)
                    .given(planSession("s1", 0, at(MON, 10)), planSession("s2", 1, at(THU, 10)))
                    .penalizes(0);
        }

        private Appointment planSession(String id, int seriesIndex, int start) {
            return session(id, bruno, TRIGGER_POINT, 60).inCarePlan(plan, seriesIndex).at(anna, lotus, start);
        }
    }

    // ************************************************************************
    // Soft
    // ************************************************************************

    @Nested
    class OutsideClientPreferredTime {

        /** Likes Tuesday to Thursday mornings, 09:00-12:00. */
        private final Client sofia = clientPreferringTimes("Sofia Rossi", hours(TUE, 9, 12), hours(WED, 9, 12),
                hours(THU, 9, 12));

        @Test
        void outsideClientPreferredTime_fires_for_the_minutes_before_the_preferred_hours() {
            var early = session("s1", sofia, RELAXATION, 60).at(anna, lotus, at(TUE, 8, 15));

            constraintVerifier.verifyThat(SpaConstraintProvider::outsideClientPreferredTime)
                    .given(early)
                    .penalizesBy(45);
        }

        @Test
        void outsideClientPreferredTime_fires_for_the_distance_to_the_nearest_preferred_day() {
            // Monday 10:00 is 23 hours before Tuesday 09:00.
            var monday = session("s1", sofia, RELAXATION, 60).at(anna, lotus, at(MON, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::outsideClientPreferredTime)
                    .given(monday)
                    .penalizesBy(23 * 60);
        }

        @Test
        void outsideClientPreferredTime_does_not_fire_inside_preferred_hours_or_without_preference() {
            var inside = session("s1", sofia, RELAXATION, 60).at(anna, lotus, at(WED, 11, 45));
            var noPreference = session("s2", bruno, RELAXATION, 60).at(anna, bamboo, at(SAT, 19));

            constraintVerifier.verifyThat(SpaConstraintProvider::outsideClientPreferredTime)
                    .given(inside, noPreference)
                    .penalizes(0);
        }
    }

    @Nested
    class CarePlanTherapistChanged {

        private final Therapist carla = therapist("Carla", TRIGGER_POINT_SKILL);

        @Test
        void carePlanTherapistChanged_fires_per_minute_of_each_session_with_another_therapist() {
            // Anna, then Carla (60), then Anna again (90): two changes.
            var plan = carePlan(bruno, TRIGGER_POINT, new SeriesSpacing(1, 1, 2, 7), true);
            constraintVerifier.verifyThat(SpaConstraintProvider::carePlanTherapistChanged)
                    .given(session("s1", bruno, TRIGGER_POINT, 60).inCarePlan(plan, 0).at(anna, lotus, at(MON, 10)),
                            session("s2", bruno, TRIGGER_POINT, 60).inCarePlan(plan, 1).at(carla, lotus, at(WED, 10)),
                            session("s3", bruno, TRIGGER_POINT, 90).inCarePlan(plan, 2).at(anna, lotus, at(FRI, 10)))
                    .penalizesBy(150);
        }

        @Test
        void carePlanTherapistChanged_does_not_fire_for_the_same_therapist_or_without_the_continuity_wish() {
            var keepsAnna = carePlan(bruno, TRIGGER_POINT, TRIGGER_POINT_SPACING, true);
            var noWish = carePlan(mei, TRIGGER_POINT, TRIGGER_POINT_SPACING, false);
            constraintVerifier.verifyThat(SpaConstraintProvider::carePlanTherapistChanged)
                    .given(session("s1", bruno, TRIGGER_POINT, 60).inCarePlan(keepsAnna, 0).at(anna, lotus, at(MON, 10)),
                            session("s2", bruno, TRIGGER_POINT, 60).inCarePlan(keepsAnna, 1).at(anna, lotus, at(THU, 10)),
                            session("s3", mei, TRIGGER_POINT, 60).inCarePlan(noWish, 0).at(anna, lotus, at(MON, 12)),
                            session("s4", mei, TRIGGER_POINT, 60).inCarePlan(noWish, 1).at(carla, lotus, at(THU, 12)))
                    .penalizes(0);
        }
    }

    @Nested
    class PreferredTherapistMissed {

        @Test
        void preferredTherapistMissed_fires_per_session_minute_with_another_therapist() {
            var tom = clientPreferring("Tom Becker", anna);
            var withBen = session("s1", tom, RELAXATION, 90).at(ben, lotus, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::preferredTherapistMissed)
                    .given(withBen)
                    .penalizesBy(90);
        }

        @Test
        void preferredTherapistMissed_does_not_fire_with_the_preferred_therapist_or_without_preference() {
            var tom = clientPreferring("Tom Becker", anna);
            var withAnna = session("s1", tom, RELAXATION, 90).at(anna, lotus, at(TUE, 10));
            var brunoWithBen = session("s2", bruno, RELAXATION, 60).at(ben, bamboo, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::preferredTherapistMissed)
                    .given(withAnna, brunoWithBen)
                    .penalizes(0);
        }
    }

    @Nested
    class AvoidedTherapistAssigned {

        @Test
        void avoidedTherapistAssigned_fires_per_session_minute_with_an_avoided_therapist() {
            // Match weight 60; the constraint weight (10 soft) makes it 600 soft in the score.
            var hana = clientAvoiding("Hana Sato", ben);
            var withBen = session("s1", hana, RELAXATION, 60).at(ben, lotus, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::avoidedTherapistAssigned)
                    .given(withBen)
                    .justifiesWith(new SessionJustification("s1",
                            "Hana Sato's 60-min Relaxation (Tue 1 Dec 10:00) is with Ben, whom Hana Sato asked not to "
                                    + "see."))
                    .penalizesBy(60);
        }

        @Test
        void avoidedTherapistAssigned_does_not_fire_with_another_therapist() {
            var hana = clientAvoiding("Hana Sato", ben);
            var withAnna = session("s1", hana, RELAXATION, 60).at(anna, lotus, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::avoidedTherapistAssigned)
                    .given(withAnna)
                    .penalizes(0);
        }
    }

    @Nested
    class CarePlanSpacingOffIdeal {

        /** Trigger point: ideally 3-4 days apart. */
        private final CarePlan plan = carePlan(bruno, TRIGGER_POINT, TRIGGER_POINT_SPACING, true);

        @Test
        void carePlanSpacingOffIdeal_fires_per_day_beyond_the_ideal() {
            // Monday to Sunday: 6 days, 2 beyond 4. Match weight 2; 120 soft in the score.
            constraintVerifier.verifyThat(SpaConstraintProvider::carePlanSpacingOffIdeal)
                    .given(planSession("s1", 0, at(MON, 10)), planSession("s2", 1, at(SUN, 10)))
                    .penalizesBy(2);
        }

        @Test
        void carePlanSpacingOffIdeal_fires_per_day_short_of_the_ideal_also_when_out_of_order() {
            // Session 2 on Monday, session 1 on Thursday: -3 days apart, 6 short of 3.
            constraintVerifier.verifyThat(SpaConstraintProvider::carePlanSpacingOffIdeal)
                    .given(planSession("s1", 0, at(THU, 10)), planSession("s2", 1, at(MON, 10)))
                    .penalizesBy(6);
        }

        @Test
        void carePlanSpacingOffIdeal_does_not_fire_inside_the_ideal_range() {
            // Monday to Thursday is 3 days, Monday to Friday 4: both ideal.
            constraintVerifier.verifyThat(SpaConstraintProvider::carePlanSpacingOffIdeal)
                    .given(planSession("s1", 0, at(MON, 10)), planSession("s2", 1, at(THU, 18)))
                    .penalizes(0);
            constraintVerifier.verifyThat(SpaConstraintProvider::carePlanSpacingOffIdeal)
                    .given(planSession("s1", 0, at(MON, 10)), planSession("s2", 1, at(FRI, 9)))
                    .penalizes(0);
        }

        private Appointment planSession(String id, int seriesIndex, int start) {
            return session(id, bruno, TRIGGER_POINT, 60).inCarePlan(plan, seriesIndex).at(anna, lotus, start);
        }
    }

    @Nested
    class UnfairWorkload {

        @Test
        void unfairWorkload_fires_when_one_therapist_has_all_the_work() {
            // Both work 2700 minutes; Anna's 270 hands-on minutes are 100 per 1000, Ben's none are 0:
            // unfairness sqrt(50^2 + 50^2) = 70.7, rounded to 71.
            constraintVerifier.verifyThat(SpaConstraintProvider::unfairWorkload)
                    .given(anna, ben,
                            session("s1", bruno, RELAXATION, 90).at(anna, lotus, at(TUE, 10)),
                            session("s2", mei, RELAXATION, 90).at(anna, lotus, at(WED, 10)),
                            session("s3", client("Sofia Rossi"), RELAXATION, 90).at(anna, lotus, at(THU, 10)))
                    .justifiesWith(new WorkloadJustification(
                            "Hands-on minutes per 1000 available minutes differ across therapists (unfairness 71)."))
                    .penalizesBy(71);
        }

        @Test
        void unfairWorkload_does_not_fire_when_load_is_proportional_to_working_hours() {
            // Carla works half of Anna's hours (09:00-13:30) and has half of Anna's minutes: both 100 per 1000.
            var carla = therapistWithShifts("Carla", weekdays(9, 13).stream()
                    .map(shift -> between(shift.start(), shift.end() + 30)).toList(), RELAXATION_SKILL);
            constraintVerifier.verifyThat(SpaConstraintProvider::unfairWorkload)
                    .given(anna, carla,
                            session("s1", bruno, RELAXATION, 90).at(anna, lotus, at(TUE, 10)),
                            session("s2", mei, RELAXATION, 90).at(anna, lotus, at(WED, 10)),
                            session("s3", client("Sofia Rossi"), RELAXATION, 90).at(anna, lotus, at(THU, 10)),
                            session("s4", client("Tom Becker"), RELAXATION, 90).at(carla, bamboo, at(TUE, 10)),
                            session("s5", client("Hana Sato"), RELAXATION, 45).at(carla, bamboo, at(WED, 10)))
                    .penalizes(0);
        }
    }

    @Nested
    class ShortIdleGaps {

        @Test
        void shortIdleGaps_fires_for_idle_minutes_beyond_changeover_in_gaps_under_an_hour() {
            // Gaps after each session: 40 (30 idle), 25 (15 idle), 60 (not short), 10 (changeover only).
            constraintVerifier.verifyThat(SpaConstraintProvider::shortIdleGaps)
                    .given(session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 9)),
                            session("s2", mei, RELAXATION, 60).at(anna, lotus, at(TUE, 10, 40)),
                            session("s3", client("Sofia Rossi"), RELAXATION, 60).at(anna, lotus, at(TUE, 12, 5)),
                            session("s4", client("Tom Becker"), RELAXATION, 60).at(anna, lotus, at(TUE, 14, 5)),
                            session("s5", client("Hana Sato"), RELAXATION, 60).at(anna, lotus, at(TUE, 15, 15)))
                    .penalizesBy(45);
        }

        @Test
        void shortIdleGaps_does_not_fire_for_changeover_only_or_an_hour_long_break() {
            constraintVerifier.verifyThat(SpaConstraintProvider::shortIdleGaps)
                    .given(session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 9)),
                            session("s2", mei, RELAXATION, 60).at(anna, lotus, at(TUE, 10, 10)),
                            session("s3", client("Sofia Rossi"), RELAXATION, 60).at(anna, lotus, at(TUE, 12, 10)))
                    .penalizes(0);
        }
    }

    @Nested
    class PublishedSessionMoved {

        @Test
        void publishedSessionMoved_costs_40_for_a_released_session_moved_within_the_day() {
            var laterThatDay = session("s1", bruno, DEEP_TISSUE, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .releasedByFrontDesk().at(anna, lotus, at(TUE, 14));

            constraintVerifier.verifyThat(SpaConstraintProvider::publishedSessionMoved)
                    .given(laterThatDay)
                    .penalizesBy(40);
        }

        @Test
        void publishedSessionMoved_costs_less_for_another_therapist_at_the_same_time_than_for_another_time() {
            var carla = therapist("Carla", DEEP_TISSUE_SKILL);
            var sameTimeWithCarla = session("s1", bruno, DEEP_TISSUE, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .releasedByFrontDesk().at(carla, lotus, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::publishedSessionMoved)
                    .given(sameTimeWithCarla)
                    .penalizesBy(30);
        }

        @Test
        void publishedSessionMoved_costs_a_day_therapist_and_room_change_together() {
            // Day 120 + therapist 30 + room 10.
            var carla = therapist("Carla", DEEP_TISSUE_SKILL);
            var nextDay = session("s1", bruno, DEEP_TISSUE, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .releasedByFrontDesk().at(carla, bamboo, at(WED, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::publishedSessionMoved)
                    .given(nextDay)
                    .justifiesWith(new SessionJustification("s1",
                            "Bruno Alves's 60-min Deep tissue (Wed 2 Dec 10:00) was published and moved from "
                                    + "Tue 1 Dec 10:00, changed therapist, changed room."))
                    .penalizesBy(160);
        }

        @Test
        void publishedSessionMoved_costs_10_for_a_room_change_only() {
            var otherRoom = session("s1", bruno, RELAXATION, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .releasedByFrontDesk().at(anna, bamboo, at(TUE, 10));

            constraintVerifier.verifyThat(SpaConstraintProvider::publishedSessionMoved)
                    .given(otherRoom)
                    .penalizesBy(10);
        }

        @Test
        void publishedSessionMoved_does_not_fire_for_pinned_unmoved_unpublished_or_unscheduled_sessions() {
            var pinnedButMoved = session("s1", bruno, RELAXATION, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .at(anna, lotus, at(TUE, 12));
            var releasedButKept = session("s2", mei, RELAXATION, 60).confirmedAs(ben, lotus, at(WED, 10))
                    .releasedByFrontDesk().at(ben, lotus, at(WED, 10));
            var neverPublished = session("s3", client("Sofia Rossi"), RELAXATION, 60).at(ben, bamboo, at(TUE, 10));
            var releasedAndDropped = session("s4", client("Tom Becker"), RELAXATION, 60)
                    .confirmedAs(ben, bamboo, at(THU, 10)).releasedByFrontDesk().unassigned();

            constraintVerifier.verifyThat(SpaConstraintProvider::publishedSessionMoved)
                    .given(pinnedButMoved, releasedButKept, neverPublished, releasedAndDropped)
                    .penalizes(0);
        }
    }

    @Nested
    class TherapistPreferenceIgnored {

        /** Would rather not work Saturday from 16:00. */
        private final Therapist elif = therapist("Elif", List.of(hours(SAT, 9, 20)), List.of(),
                List.of(hours(SAT, 16, 20)), RELAXATION_SKILL);

        @Test
        void therapistPreferenceIgnored_fires_for_the_minutes_in_unwanted_hours() {
            var intoTheEvening = session("s1", bruno, RELAXATION, 90).at(elif, lotus, at(SAT, 15, 30));

            constraintVerifier.verifyThat(SpaConstraintProvider::therapistPreferenceIgnored)
                    .given(intoTheEvening)
                    .penalizesBy(60);
        }

        @Test
        void therapistPreferenceIgnored_does_not_fire_when_the_session_ends_before_unwanted_hours() {
            var afternoon = session("s1", bruno, RELAXATION, 90).at(elif, lotus, at(SAT, 14, 30));

            constraintVerifier.verifyThat(SpaConstraintProvider::therapistPreferenceIgnored)
                    .given(afternoon)
                    .penalizes(0);
        }
    }
}
