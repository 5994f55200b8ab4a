package org.spascheduler.schedule.solver;

import static org.assertj.core.api.Assertions.assertThat;
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
import static org.spascheduler.schedule.solver.RosterFixtures.TRIGGER_POINT;
import static org.spascheduler.schedule.solver.RosterFixtures.TRIGGER_POINT_SKILL;
import static org.spascheduler.schedule.solver.RosterFixtures.TRIGGER_POINT_SPACING;
import static org.spascheduler.schedule.solver.RosterFixtures.TUE;
import static org.spascheduler.schedule.solver.RosterFixtures.WED;
import static org.spascheduler.schedule.solver.RosterFixtures.WEEK_START;
import static org.spascheduler.schedule.solver.RosterFixtures.at;
import static org.spascheduler.schedule.solver.RosterFixtures.between;
import static org.spascheduler.schedule.solver.RosterFixtures.carePlan;
import static org.spascheduler.schedule.solver.RosterFixtures.client;
import static org.spascheduler.schedule.solver.RosterFixtures.guest;
import static org.spascheduler.schedule.solver.RosterFixtures.hours;
import static org.spascheduler.schedule.solver.RosterFixtures.room;
import static org.spascheduler.schedule.solver.RosterFixtures.roomOutOfService;
import static org.spascheduler.schedule.solver.RosterFixtures.session;
import static org.spascheduler.schedule.solver.RosterFixtures.therapist;
import static org.spascheduler.schedule.solver.RosterFixtures.therapistWithShifts;
import static org.spascheduler.schedule.solver.RosterFixtures.weekdays;
import static org.spascheduler.schedule.solver.RosterFixtures.withCaps;
import static org.spascheduler.schedule.solver.RosterFixtures.withChangeover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spascheduler.booking.Placement;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
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

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

/**
 * The {@link IndependentRosterChecker} and the solver's own score (the real solverConfig.xml) must agree on every
 * roster: the checker finds a broken hard rule if and only if the hard score is negative, and both name the same rules.
 * One nested class per hard rule of shared/DOMAIN.md, each with deliberately broken rosters and a clean variant; then
 * the demo weeks' hidden rosters and a few hundred random changes to one of them.
 */
class IndependentRosterCheckerTest {

    private static final SolutionManager<SpaSchedule, HardMediumSoftLongScore> SOLUTION_MANAGER =
            SolutionManager.create(SolverFactory.create(SolverConfig.createFromXmlResource("solverConfig.xml")));

    /** Which DOMAIN.md rule each hard constraint of {@link SpaConstraintProvider} scores. */
    private static final Map<String, Integer> RULE_OF_HARD_CONSTRAINT = Map.ofEntries(
            Map.entry("Therapist lacks skill", 1),
            Map.entry("Outside requested window", 2),
            Map.entry("Outside therapist shift", 2),
            Map.entry("During therapist time off", 2),
            Map.entry("Outside opening hours", 2),
            Map.entry("Off the booking grain", 2),
            Map.entry("Therapist conflict", 3),
            Map.entry("Room conflict", 4),
            Map.entry("Room lacks feature", 4),
            Map.entry("Room out of service", 4),
            Map.entry("Client conflict", 5),
            Map.entry("Run without break", 6),
            Map.entry("Long day without break", 6),
            Map.entry("Daily hands-on cap", 7),
            Map.entry("Daily high-load cap", 7),
            Map.entry("Care plan spacing below minimum", 8),
            Map.entry("High-load sessions too close", 8),
            Map.entry("Pinned session moved", 9));

    /** A 15-minute chair massage: short enough to stretch a day past six hours within one 180-minute run. */
    private static final Treatment CHAIR_MASSAGE = new Treatment("chair", "Chair massage", List.of(15),
            RELAXATION_SKILL, TherapistLoad.LOW, Set.of(MASSAGE_TABLE), 10, null);
    private static final List<Treatment> TREATMENTS = List.of(TRIGGER_POINT, DEEP_TISSUE, RELAXATION, HOT_STONE,
            CHAIR_MASSAGE);
    /** The fixture spa with a 5-minute booking grain, for gaps of 25 minutes and turnovers of 10. */
    private static final SpaSettings FIVE_MINUTE_GRAIN = new SpaSettings(SETTINGS.spaName(), WEEK_START,
            SETTINGS.timeZone(), 5, SETTINGS.openingHours());

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
    // One hard rule at a time
    // ************************************************************************

    @Nested
    class Rule1Skill {

        @Test
        void a_therapist_without_the_skill_breaks_rule_1() {
            assertBreaks(week(session("s1", bruno, DEEP_TISSUE, 60).at(ben, lotus, at(TUE, 10))), 1);
        }

        @Test
        void a_skilled_therapist_is_clean() {
            assertClean(week(session("s1", bruno, DEEP_TISSUE, 60).at(anna, lotus, at(TUE, 10))));
        }
    }

    @Nested
    class Rule2Time {

        @Test
        void a_session_running_past_its_requested_window_breaks_rule_2() {
            assertBreaks(week(session("s1", bruno, RELAXATION, 90).window(hours(TUE, 10, 13))
                    .at(anna, lotus, at(TUE, 12, 30))), 2);
        }

        @Test
        void a_session_ending_at_its_window_end_is_clean() {
            assertClean(week(session("s1", bruno, RELAXATION, 60).window(hours(TUE, 10, 13))
                    .at(anna, lotus, at(TUE, 12))));
        }

        @Test
        void a_session_across_the_gap_between_two_shifts_breaks_rule_2() {
            var carla = therapistWithShifts("Carla",
                    List.of(hours(TUE, 10, 14), between(at(TUE, 14, 30), at(TUE, 18))), RELAXATION_SKILL);

            assertBreaks(week(session("s1", bruno, RELAXATION, 75).at(carla, lotus, at(TUE, 13, 30))), 2);
        }

        @Test
        void a_session_across_two_touching_shifts_is_clean() {
            var carla = therapistWithShifts("Carla", List.of(hours(TUE, 10, 14), hours(TUE, 14, 18)),
                    RELAXATION_SKILL);

            assertClean(week(session("s1", bruno, RELAXATION, 75).at(carla, lotus, at(TUE, 13, 30))));
        }

        @Test
        void a_session_on_a_day_without_a_shift_breaks_rule_2() {
            // Anna works Monday to Friday; the spa is open on Saturday.
            assertBreaks(week(session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(SAT, 11))), 2);
        }

        @Test
        void a_session_overlapping_time_off_breaks_rule_2() {
            var dentistAtNoon = therapist("Anna", weekdays(9, 18), List.of(hours(TUE, 12, 14)), List.of(),
                    RELAXATION_SKILL);

            assertBreaks(week(session("s1", bruno, RELAXATION, 60).at(dentistAtNoon, lotus, at(TUE, 11, 30))), 2);
        }

        @Test
        void a_session_ending_as_time_off_starts_is_clean() {
            var dentistAtNoon = therapist("Anna", weekdays(9, 18), List.of(hours(TUE, 12, 14)), List.of(),
                    RELAXATION_SKILL);

            assertClean(week(session("s1", bruno, RELAXATION, 60).at(dentistAtNoon, lotus, at(TUE, 11))));
        }

        @Test
        void a_session_after_closing_inside_the_shift_breaks_rule_2() {
            // The spa closes at 20:00; Eve's shift runs to 21:00.
            var eve = therapistWithShifts("Eve", List.of(hours(TUE, 12, 21)), RELAXATION_SKILL);

            assertBreaks(week(session("s1", bruno, RELAXATION, 60).at(eve, lotus, at(TUE, 19, 30))), 2);
        }

        @Test
        void a_session_ending_at_closing_is_clean() {
            var eve = therapistWithShifts("Eve", List.of(hours(TUE, 12, 21)), RELAXATION_SKILL);

            assertClean(week(session("s1", bruno, RELAXATION, 60).at(eve, lotus, at(TUE, 19))));
        }

        @Test
        void a_start_off_the_booking_grain_breaks_rule_2() {
            assertBreaks(week(session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10, 5))), 2);
        }

        @Test
        void a_start_on_the_booking_grain_is_clean() {
            assertClean(week(session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10, 15))));
        }
    }

    @Nested
    class Rule3Therapist {

        @Test
        void a_therapist_in_two_sessions_at_once_breaks_rule_3() {
            assertBreaks(week(
                    session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10)),
                    session("s2", mei, RELAXATION, 60).at(anna, bamboo, at(TUE, 10, 30))), 3);
        }

        @Test
        void a_session_within_the_changeover_breaks_rule_3() {
            assertBreaks(week(
                    session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10)),
                    session("s2", mei, RELAXATION, 60).at(anna, bamboo, at(TUE, 11))), 3);
        }

        @Test
        void a_session_inside_a_longer_session_breaks_rule_3() {
            assertBreaks(week(
                    session("s1", bruno, RELAXATION, 90).at(anna, lotus, at(TUE, 10)),
                    session("s2", mei, RELAXATION, 30).at(anna, bamboo, at(TUE, 10, 30))), 3);
        }

        @Test
        void a_session_after_the_full_changeover_is_clean() {
            assertClean(week(
                    session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10)),
                    session("s2", mei, RELAXATION, 60).at(anna, bamboo, at(TUE, 11, 15))));
        }

        @Test
        void back_to_back_sessions_of_a_therapist_without_changeover_are_clean() {
            var quick = withChangeover(ben, 0);

            assertClean(week(
                    session("s1", bruno, RELAXATION, 60).at(quick, lotus, at(TUE, 10)),
                    session("s2", mei, RELAXATION, 60).at(quick, bamboo, at(TUE, 11))));
        }
    }

    @Nested
    class Rule4Room {

        @Test
        void a_room_hosting_two_sessions_at_once_breaks_rule_4() {
            assertBreaks(week(
                    session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10)),
                    session("s2", mei, RELAXATION, 60).at(ben, lotus, at(TUE, 10, 30))), 4);
        }

        @Test
        void a_session_within_the_earlier_sessions_turnover_breaks_rule_4() {
            // Deep tissue needs 15 minutes of turnover.
            assertBreaks(week(
                    session("s1", bruno, DEEP_TISSUE, 60).at(anna, lotus, at(TUE, 10)),
                    session("s2", mei, RELAXATION, 60).at(ben, lotus, at(TUE, 11))), 4);
        }

        @Test
        void the_earlier_sessions_turnover_counts_not_the_later_ones() {
            // Hot stone turns over in 15 minutes, relaxation in 10: 10 minutes after relaxation is enough for hot
            // stone, 10 minutes after hot stone is not enough for relaxation.
            var relaxationFirst = week(FIVE_MINUTE_GRAIN,
                    session("s1", bruno, RELAXATION, 60).at(ben, stoneRoom, at(TUE, 10)),
                    session("s2", mei, HOT_STONE, 60).at(anna, stoneRoom, at(TUE, 11, 10)));
            var hotStoneFirst = week(FIVE_MINUTE_GRAIN,
                    session("s1", bruno, HOT_STONE, 60).at(anna, stoneRoom, at(TUE, 10)),
                    session("s2", mei, RELAXATION, 60).at(ben, stoneRoom, at(TUE, 11, 10)));

            assertClean(relaxationFirst);
            assertBreaks(hotStoneFirst, 4);
        }

        @Test
        void a_session_after_the_full_turnover_is_clean() {
            assertClean(week(
                    session("s1", bruno, DEEP_TISSUE, 60).at(anna, lotus, at(TUE, 10)),
                    session("s2", mei, RELAXATION, 60).at(ben, lotus, at(TUE, 11, 15))));
        }

        @Test
        void a_room_without_a_needed_feature_breaks_rule_4() {
            assertBreaks(week(session("s1", bruno, HOT_STONE, 60).at(anna, lotus, at(TUE, 10))), 4);
        }

        @Test
        void a_room_with_every_needed_feature_is_clean() {
            assertClean(week(session("s1", bruno, HOT_STONE, 60).at(anna, stoneRoom, at(TUE, 10))));
        }

        @Test
        void a_room_out_of_service_during_the_session_breaks_rule_4() {
            var underRepair = roomOutOfService("Lotus", hours(TUE, 9, 12), MASSAGE_TABLE);

            assertBreaks(week(session("s1", bruno, RELAXATION, 60).at(anna, underRepair, at(TUE, 11, 30))), 4);
        }

        @Test
        void a_session_starting_as_the_repair_ends_is_clean() {
            var underRepair = roomOutOfService("Lotus", hours(TUE, 9, 12), MASSAGE_TABLE);

            assertClean(week(session("s1", bruno, RELAXATION, 60).at(anna, underRepair, at(TUE, 12))));
        }
    }

    @Nested
    class Rule5Client {

        @Test
        void a_client_in_two_sessions_at_once_breaks_rule_5() {
            assertBreaks(week(
                    session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10)),
                    session("s2", bruno, RELAXATION, 60).at(ben, bamboo, at(TUE, 10, 45))), 5);
        }

        @Test
        void back_to_back_sessions_of_one_client_are_clean() {
            assertClean(week(
                    session("s1", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10)),
                    session("s2", bruno, RELAXATION, 60).at(ben, bamboo, at(TUE, 11))));
        }
    }

    @Nested
    class Rule6Breaks {

        @Test
        void a_run_of_210_session_minutes_breaks_rule_6() {
            // 09:00-10:30, 10:45-12:15, 12:30-13:00: gaps of 15 minutes are changeover, not breaks.
            assertBreaks(week(
                    session("s1", guest(1), RELAXATION, 90).at(anna, lotus, at(TUE, 9)),
                    session("s2", guest(2), RELAXATION, 90).at(anna, lotus, at(TUE, 10, 45)),
                    session("s3", guest(3), RELAXATION, 30).at(anna, lotus, at(TUE, 12, 30))), 6);
        }

        @Test
        void a_30_minute_gap_ends_the_run() {
            assertClean(week(
                    session("s1", guest(1), RELAXATION, 90).at(anna, lotus, at(TUE, 9)),
                    session("s2", guest(2), RELAXATION, 90).at(anna, lotus, at(TUE, 10, 45)),
                    session("s3", guest(3), RELAXATION, 30).at(anna, lotus, at(TUE, 12, 45))));
        }

        @Test
        void a_day_spanning_more_than_six_hours_without_a_30_minute_gap_breaks_rule_6() {
            // Twelve 15-minute sessions 25 minutes apart: one run of 180 minutes, 09:00-16:35.
            assertBreaks(week(FIVE_MINUTE_GRAIN, chairMassages(at(TUE, 9), 25, 25)), 6);
        }

        @Test
        void one_30_minute_gap_is_the_break_a_long_day_needs() {
            // The same day with the gap after the sixth session 30 minutes: two runs of 90 minutes, 09:00-16:40.
            assertClean(week(FIVE_MINUTE_GRAIN, chairMassages(at(TUE, 9), 25, 30)));
        }

        @Test
        void a_25_minute_gap_does_not_end_the_run() {
            assertBreaks(week(FIVE_MINUTE_GRAIN,
                    session("s1", guest(1), RELAXATION, 90).at(anna, lotus, at(TUE, 9)),
                    session("s2", guest(2), RELAXATION, 90).at(anna, lotus, at(TUE, 10, 55)),
                    session("s3", guest(3), RELAXATION, 30).at(anna, lotus, at(TUE, 12, 50))), 6);
        }

        @Test
        void idle_time_before_the_first_and_after_the_last_session_is_no_break() {
            // Anna's shift is 09:00-18:00; the sessions run 10:00-17:35 with gaps of 25 minutes.
            assertBreaks(week(FIVE_MINUTE_GRAIN, chairMassages(at(TUE, 10), 25, 25)), 6);
        }

        /** Twelve chair massages with Anna in Lotus, {@code gap} minutes apart except the sixth gap. */
        private Appointment[] chairMassages(int firstStart, int gap, int sixthGap) {
            var sessions = new ArrayList<Appointment>();
            var start = firstStart;
            for (var index = 0; index < 12; index++) {
                sessions.add(session("c" + index, client("Guest " + index), CHAIR_MASSAGE, 15)
                        .at(anna, lotus, start));
                start += 15 + (index == 5 ? sixthGap : gap);
            }
            return sessions.toArray(Appointment[]::new);
        }
    }

    @Nested
    class Rule7DailyCaps {

        @Test
        void hands_on_minutes_over_the_cap_break_rule_7() {
            var capped = withCaps(anna, 120, 4);

            assertBreaks(week(
                    session("s1", bruno, RELAXATION, 90).at(capped, lotus, at(TUE, 10)),
                    session("s2", mei, RELAXATION, 60).at(capped, lotus, at(TUE, 14))), 7);
        }

        @Test
        void hands_on_minutes_at_the_cap_are_clean() {
            var capped = withCaps(anna, 120, 4);

            assertClean(week(
                    session("s1", bruno, RELAXATION, 60).at(capped, lotus, at(TUE, 10)),
                    session("s2", mei, RELAXATION, 60).at(capped, lotus, at(TUE, 14)),
                    session("s3", guest(1), RELAXATION, 60).at(capped, lotus, at(WED, 10))));
        }

        @Test
        void high_load_sessions_over_the_cap_break_rule_7() {
            var capped = withCaps(anna, 360, 1);

            assertBreaks(week(
                    session("s1", bruno, DEEP_TISSUE, 60).at(capped, lotus, at(TUE, 10)),
                    session("s2", mei, TRIGGER_POINT, 60).at(capped, lotus, at(TUE, 14))), 7);
        }

        @Test
        void low_load_sessions_do_not_count_towards_the_high_load_cap() {
            var capped = withCaps(anna, 360, 1);

            assertClean(week(
                    session("s1", bruno, DEEP_TISSUE, 60).at(capped, lotus, at(TUE, 10)),
                    session("s2", mei, RELAXATION, 60).at(capped, lotus, at(TUE, 14))));
        }
    }

    @Nested
    class Rule8Series {

        private final CarePlan brunosPlan = carePlan(bruno, TRIGGER_POINT, TRIGGER_POINT_SPACING, true);

        @Test
        void consecutive_series_sessions_one_day_apart_break_rule_8() {
            // Minimum 2 days; Monday to Tuesday is 1.
            assertBreaks(week(
                    session("p1", bruno, TRIGGER_POINT, 60).inCarePlan(brunosPlan, 0).at(anna, lotus, at(MON, 10)),
                    session("p2", bruno, TRIGGER_POINT, 60).inCarePlan(brunosPlan, 1).at(anna, lotus, at(TUE, 16))),
                    8);
        }

        @Test
        void a_series_out_of_order_breaks_rule_8() {
            assertBreaks(week(
                    session("p1", bruno, TRIGGER_POINT, 60).inCarePlan(brunosPlan, 0).at(anna, lotus, at(FRI, 10)),
                    session("p2", bruno, TRIGGER_POINT, 60).inCarePlan(brunosPlan, 1).at(anna, lotus, at(MON, 10))),
                    8);
        }

        @Test
        void a_series_out_of_order_within_one_day_breaks_rule_8() {
            // A low-load series that may be given twice a day, but in order.
            var daily = new CarePlan("plan-daily", bruno.name(), RELAXATION.name(), 6, new SeriesSpacing(0, 0, 1, 7),
                    false, 0);
            var reversed = week(
                    session("p1", bruno, RELAXATION, 60).inCarePlan(daily, 0).at(anna, lotus, at(TUE, 14)),
                    session("p2", bruno, RELAXATION, 60).inCarePlan(daily, 1).at(anna, lotus, at(TUE, 10)));
            var inOrder = week(
                    session("p1", bruno, RELAXATION, 60).inCarePlan(daily, 0).at(anna, lotus, at(TUE, 10)),
                    session("p2", bruno, RELAXATION, 60).inCarePlan(daily, 1).at(anna, lotus, at(TUE, 14)));

            assertBreaks(reversed, 8);
            assertClean(inOrder);
        }

        @Test
        void series_sessions_two_calendar_days_but_under_48_hours_apart_break_rule_8() {
            // Monday 16:00 to Wednesday 10:00: 2 days apart by date, 42 hours apart by the clock.
            assertBreaks(week(
                    session("p1", bruno, TRIGGER_POINT, 60).inCarePlan(brunosPlan, 0).at(anna, lotus, at(MON, 16)),
                    session("p2", bruno, TRIGGER_POINT, 60).inCarePlan(brunosPlan, 1).at(anna, lotus, at(WED, 10))),
                    8);
        }

        @Test
        void high_load_sessions_outside_a_plan_under_48_hours_apart_break_rule_8() {
            assertBreaks(week(
                    session("s1", bruno, DEEP_TISSUE, 60).at(anna, lotus, at(MON, 10)),
                    session("s2", bruno, TRIGGER_POINT, 60).at(anna, lotus, at(TUE, 16))), 8);
        }

        @Test
        void series_sessions_exactly_48_hours_apart_are_clean() {
            assertClean(week(
                    session("p1", bruno, TRIGGER_POINT, 60).inCarePlan(brunosPlan, 0).at(anna, lotus, at(MON, 10)),
                    session("p2", bruno, TRIGGER_POINT, 60).inCarePlan(brunosPlan, 1).at(anna, lotus, at(WED, 10))));
        }

        @Test
        void a_high_load_and_a_low_load_session_the_next_day_are_clean() {
            assertClean(week(
                    session("s1", bruno, DEEP_TISSUE, 60).at(anna, lotus, at(MON, 10)),
                    session("s2", bruno, RELAXATION, 60).at(anna, lotus, at(TUE, 10))));
        }
    }

    @Nested
    class Rule9Pinned {

        @Test
        void a_confirmed_session_moved_in_time_breaks_rule_9() {
            assertBreaks(week(session("s1", bruno, RELAXATION, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .at(anna, lotus, at(TUE, 11))), 9);
        }

        @Test
        void a_confirmed_session_moved_to_another_room_breaks_rule_9() {
            assertBreaks(week(session("s1", bruno, RELAXATION, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .at(anna, bamboo, at(TUE, 10))), 9);
        }

        @Test
        void a_done_session_with_another_therapist_breaks_rule_9_even_if_released() {
            assertBreaks(week(session("s1", bruno, RELAXATION, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .state(AppointmentState.DONE).releasedByFrontDesk()
                    .at(ben, lotus, at(TUE, 10))), 9);
        }

        @Test
        void a_confirmed_session_left_without_a_start_breaks_rule_9() {
            var dropped = session("s1", bruno, RELAXATION, 60).confirmedAs(anna, lotus, at(TUE, 10)).unassigned();
            dropped.assign(anna, lotus, null);

            assertBreaks(week(dropped), 9);
        }

        @Test
        void a_confirmed_session_where_it_was_promised_is_clean() {
            assertClean(week(session("s1", bruno, RELAXATION, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .at(anna, lotus, at(TUE, 10))));
        }

        @Test
        void a_released_confirmed_session_may_move() {
            assertClean(week(session("s1", bruno, RELAXATION, 60).confirmedAs(anna, lotus, at(TUE, 10))
                    .releasedByFrontDesk().at(ben, bamboo, at(WED, 15))));
        }
    }

    /**
     * Nothing stops a spa from opening past midnight. Sessions on either side of midnight are still "at once" for the
     * therapist and the room, and the changeover and turnover still apply.
     */
    @Nested
    class AcrossMidnight {

        /** Open, and Nina works, Friday 16:00 to Saturday 02:00. */
        private final SpaSettings lateNight = new SpaSettings("Night spa", WEEK_START, SETTINGS.timeZone(), 15,
                List.of(between(at(FRI, 16), at(SAT, 2))));
        private final Therapist nina = therapistWithShifts("Nina", List.of(between(at(FRI, 16), at(SAT, 2))),
                RELAXATION_SKILL);
        private final Therapist omar = therapistWithShifts("Omar", List.of(between(at(FRI, 16), at(SAT, 2))),
                RELAXATION_SKILL);

        @Test
        void sessions_before_and_after_midnight_with_a_break_are_clean() {
            assertClean(week(lateNight,
                    session("s1", bruno, RELAXATION, 60).at(nina, lotus, at(FRI, 23)),
                    session("s2", mei, RELAXATION, 60).at(nina, lotus, at(SAT, 0, 30))));
        }

        @Test
        void a_therapist_without_changeover_at_midnight_breaks_rule_3() {
            assertBreaks(week(lateNight,
                    session("s1", bruno, RELAXATION, 60).at(nina, lotus, at(FRI, 23)),
                    session("s2", mei, RELAXATION, 60).at(nina, bamboo, at(SAT, 0))), 3);
        }

        @Test
        void a_therapist_in_two_sessions_across_midnight_breaks_rule_3() {
            assertBreaks(week(lateNight,
                    session("s1", bruno, RELAXATION, 60).at(nina, lotus, at(FRI, 23, 30)),
                    session("s2", mei, RELAXATION, 60).at(nina, bamboo, at(SAT, 0))), 3);
        }

        @Test
        void a_room_hosting_two_sessions_across_midnight_breaks_rule_4() {
            assertBreaks(week(lateNight,
                    session("s1", bruno, RELAXATION, 60).at(nina, lotus, at(FRI, 23, 30)),
                    session("s2", mei, RELAXATION, 60).at(omar, lotus, at(SAT, 0))), 4);
        }
    }

    // ************************************************************************
    // The demo weeks
    // ************************************************************************

    @ParameterizedTest
    @EnumSource(value = DemoSize.class, names = { "SMALL", "MEDIUM", "LARGE" })
    void the_hidden_roster_of_each_demo_week_breaks_no_hard_rule(DemoSize size) {
        var schedule = DemoSpaGenerator.generateWithHiddenRoster(size);

        var verdict = Verdict.of(schedule);

        assertThat(schedule.getAppointments()).allMatch(Appointment::isScheduled);
        assertThat(verdict.violations()).as("checker violations").isEmpty();
        assertThat(verdict.score().hardScore()).as(verdict.describeTimefold()).isZero();
    }

    /**
     * 200 single changes to the MEDIUM hidden roster, each undone before the next: a random session (one time in four
     * a care plan session) gets a random start from its value range (anywhere, within two hours or within 30 minutes
     * of where it is), another eligible therapist or another suitable room. After each, the checker and Timefold must
     * agree on whether, and which, hard rules break.
     */
    @Test
    void checker_and_score_agree_on_200_random_single_changes_to_the_medium_hidden_roster() {
        var schedule = DemoSpaGenerator.generateWithHiddenRoster(DemoSize.MEDIUM);
        var sessions = schedule.getAppointments();
        var random = new Random(20261130L);
        var disagreements = new ArrayList<String>();
        var feasible = 0;
        var brokenRules = new TreeMap<String, Integer>();
        for (var step = 0; step < 200; step++) {
            var session = pickSession(sessions, random);
            var before = Placement.of(session);
            var change = changeOne(session, random);
            var verdict = Verdict.of(schedule);
            if (!verdict.agrees()) {
                disagreements.add("step %d: %s%n  %s".formatted(step, change, verdict.describe()));
            }
            feasible += verdict.violations().isEmpty() ? 1 : 0;
            brokenRules.merge(verdict.checkerRules().toString(), 1, Integer::sum);
            before.restore(session);
        }
        System.out.printf("Single changes: %d of 200 left the roster feasible; rules broken: %s; %d disagreements%n",
                feasible, brokenRules, disagreements.size());
        disagreements.forEach(System.out::println);

        assertThat(disagreements).isEmpty();
        assertThat(feasible).as("changes that keep the roster feasible").isBetween(5, 195);
        assertThat(Verdict.of(schedule).violations()).as("every change was undone").isEmpty();
    }

    /**
     * A random walk of 100 changes from the MEDIUM hidden roster that keeps each change that breaks no hard rule and
     * undoes the others, so that it reaches rosters far from the hidden one. The checker and Timefold must agree after
     * every change.
     */
    @Test
    void checker_and_score_agree_along_a_random_walk_through_feasible_medium_rosters() {
        var schedule = DemoSpaGenerator.generateWithHiddenRoster(DemoSize.MEDIUM);
        var sessions = schedule.getAppointments();
        var random = new Random(7L);
        var disagreements = new ArrayList<String>();
        var kept = 0;
        for (var step = 0; step < 100; step++) {
            var session = pickSession(sessions, random);
            var before = Placement.of(session);
            var change = changeOne(session, random);
            var verdict = Verdict.of(schedule);
            if (!verdict.agrees()) {
                disagreements.add("step %d: %s%n  %s".formatted(step, change, verdict.describe()));
            }
            if (verdict.violations().isEmpty() && verdict.score().hardScore() == 0) {
                kept++;
            } else {
                before.restore(session);
            }
        }
        System.out.printf("Random walk: kept %d of 100 changes; %d disagreements%n", kept, disagreements.size());
        disagreements.forEach(System.out::println);

        assertThat(disagreements).isEmpty();
        assertThat(kept).as("changes kept").isPositive();
    }

    /** Any session, but one time in four a care plan session, so that the series rules get their share. */
    private static Appointment pickSession(List<Appointment> sessions, Random random) {
        var series = sessions.stream().filter(session -> session.getCarePlan() != null).toList();
        var from = random.nextInt(4) == 0 && !series.isEmpty() ? series : sessions;
        return from.get(random.nextInt(from.size()));
    }

    /** Changes one planning variable of the session at random and says what it did. */
    private static String changeOne(Appointment session, Random random) {
        var before = Placement.of(session);
        switch (random.nextInt(3)) {
            case 0 -> {
                // Any start in its value range, one within two hours, or one a grain or two away.
                var starts = session.getCandidateStarts();
                var reach = List.of(Integer.MAX_VALUE, 120, 30).get(random.nextInt(3));
                if (session.getStart() != null) {
                    var current = session.getStart().minuteOfWeek();
                    var nearby = starts.stream()
                            .filter(slot -> Math.abs(slot.minuteOfWeek() - current) <= reach)
                            .toList();
                    starts = nearby.isEmpty() ? starts : nearby;
                }
                session.assign(session.getTherapist(), session.getRoom(), pick(starts, session.getStart(), random));
            }
            case 1 -> session.assign(pick(session.getEligibleTherapists(), session.getTherapist(), random),
                    session.getRoom(), session.getStart());
            default -> session.assign(session.getTherapist(),
                    pick(session.getSuitableRooms(), session.getRoom(), random), session.getStart());
        }
        return "%s (%s, %s, %d min, %s): %s -> %s".formatted(session.getId(), session.getTreatment().name(),
                session.getState(), session.getDurationMinutes(), session.isPinned() ? "pinned" : "not pinned",
                before, Placement.of(session));
    }

    /** A random value other than the current one, when there is one. */
    private static <T> T pick(List<T> values, T current, Random random) {
        var others = values.stream().filter(value -> !value.equals(current)).toList();
        var from = others.isEmpty() ? values : others;
        return from.get(random.nextInt(from.size()));
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    private record Placement(Therapist therapist, Room room, TimeSlot start) {

        static Placement of(Appointment session) {
            return new Placement(session.getTherapist(), session.getRoom(), session.getStart());
        }

        void restore(Appointment session) {
            session.assign(therapist, room, start);
        }

        @Override
        public String toString() {
            return "%s/%s/%s".formatted(therapist == null ? "-" : therapist.id(), room == null ? "-" : room.id(),
                    start == null ? "-" : start.dateTime());
        }
    }

    /** What the checker and Timefold's score analysis say about one roster. */
    private record Verdict(List<IndependentRosterChecker.Violation> violations, HardMediumSoftLongScore score,
            Set<Integer> timefoldRules, ScoreAnalysis<HardMediumSoftLongScore> analysis) {

        static Verdict of(SpaSchedule schedule) {
            var violations = IndependentRosterChecker.of(schedule).violations();
            var analysis = SOLUTION_MANAGER.analyze(schedule, ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
            var timefoldRules = analysis.constraintMap().values().stream()
                    .filter(constraint -> constraint.score().hardScore() < 0)
                    .map(constraint -> RULE_OF_HARD_CONSTRAINT.get(constraint.constraintRef().constraintName()))
                    .collect(Collectors.toCollection(TreeSet::new));
            return new Verdict(violations, analysis.score(), timefoldRules, analysis);
        }

        Set<Integer> checkerRules() {
            return violations.stream().map(IndependentRosterChecker.Violation::rule)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        /** The checker finds a violation if and only if the hard score is negative, and both name the same rules. */
        boolean agrees() {
            return violations.isEmpty() == (score.hardScore() == 0) && checkerRules().equals(timefoldRules);
        }

        String describeTimefold() {
            return "Timefold %s, hard constraints: %s".formatted(score, analysis.constraintMap().values().stream()
                    .filter(constraint -> constraint.score().hardScore() < 0)
                    .map(constraint -> constraint.constraintRef().constraintName() + " " + constraint.score())
                    .toList());
        }

        String describe() {
            return "checker rules %s %s; %s".formatted(checkerRules(), violations, describeTimefold());
        }
    }

    private static void assertBreaks(SpaSchedule schedule, Integer... rules) {
        var verdict = Verdict.of(schedule);
        var expected = new TreeSet<>(Arrays.asList(rules));

        assertThat(verdict.checkerRules()).as("checker rules: %s", verdict.violations()).isEqualTo(expected);
        assertThat(verdict.score().hardScore()).as(verdict.describeTimefold()).isNegative();
        assertThat(verdict.timefoldRules()).as(verdict.describeTimefold()).isEqualTo(expected);
    }

    private static void assertClean(SpaSchedule schedule) {
        var verdict = Verdict.of(schedule);

        assertThat(verdict.violations()).as("checker violations").isEmpty();
        assertThat(verdict.score().hardScore()).as(verdict.describeTimefold()).isZero();
    }

    private static SpaSchedule week(Appointment... sessions) {
        return week(SETTINGS, sessions);
    }

    /** A week with the sessions and every therapist, room, client and care plan they mention. */
    private static SpaSchedule week(SpaSettings settings, Appointment... sessions) {
        var appointments = List.of(sessions);
        var therapists = distinct(appointments.stream().map(Appointment::getTherapist));
        var rooms = distinct(appointments.stream().map(Appointment::getRoom));
        var clients = distinct(appointments.stream().map(Appointment::getClient));
        var carePlans = distinct(appointments.stream().map(Appointment::getCarePlan));
        return SpaSchedule.assemble(settings, TREATMENTS, therapists, rooms, clients, carePlans, appointments);
    }

    private static <T> List<T> distinct(Stream<T> values) {
        return List.copyOf(values.filter(value -> value != null).collect(Collectors.toCollection(LinkedHashSet::new)));
    }
}
