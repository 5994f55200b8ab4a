package org.spascheduler.schedule.solver;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.AppointmentState;
import org.spascheduler.schedule.domain.CarePlan;
import org.spascheduler.schedule.domain.Client;
import org.spascheduler.schedule.domain.PublishedAssignment;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SeriesSpacing;
import org.spascheduler.schedule.domain.SpaSettings;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TherapistLoad;
import org.spascheduler.schedule.domain.TimeSlot;
import org.spascheduler.schedule.domain.Treatment;
import org.spascheduler.schedule.domain.WeekInterval;
import org.spascheduler.schedule.domain.WorkRules;

/** Readable test data for one spa week starting Monday 30 November 2026. */
final class RosterFixtures {

    static final LocalDate WEEK_START = LocalDate.of(2026, 11, 30);

    static final int MON = 0;
    static final int TUE = 1;
    static final int WED = 2;
    static final int THU = 3;
    static final int FRI = 4;
    static final int SAT = 5;
    static final int SUN = 6;

    static final String TRIGGER_POINT_SKILL = "trigger point";
    static final String DEEP_TISSUE_SKILL = "deep tissue";
    static final String RELAXATION_SKILL = "relaxation";
    static final String HOT_STONE_SKILL = "hot stone";

    static final String MASSAGE_TABLE = "massage table";
    static final String STONE_HEATER = "stone heater";

    static final SeriesSpacing TRIGGER_POINT_SPACING = new SeriesSpacing(2, 3, 4, 7);
    static final SeriesSpacing DEEP_TISSUE_SPACING = new SeriesSpacing(3, 3, 4, 7);

    static final Treatment TRIGGER_POINT = new Treatment("trigger-point", "Trigger point", List.of(30, 60, 90),
            TRIGGER_POINT_SKILL, TherapistLoad.HIGH, Set.of(MASSAGE_TABLE), 15, TRIGGER_POINT_SPACING);
    static final Treatment DEEP_TISSUE = new Treatment("deep-tissue", "Deep tissue", List.of(60, 90),
            DEEP_TISSUE_SKILL, TherapistLoad.HIGH, Set.of(MASSAGE_TABLE), 15, DEEP_TISSUE_SPACING);
    static final Treatment RELAXATION = new Treatment("relaxation", "Relaxation", List.of(30, 60, 90),
            RELAXATION_SKILL, TherapistLoad.LOW, Set.of(MASSAGE_TABLE), 10, null);
    static final Treatment HOT_STONE = new Treatment("hot-stone", "Hot stone", List.of(60, 90),
            HOT_STONE_SKILL, TherapistLoad.LOW, Set.of(MASSAGE_TABLE, STONE_HEATER), 15, null);

    /** Open Monday to Saturday 09:00-20:00, 15-minute booking grain. */
    static final SpaSettings SETTINGS = new SpaSettings("Lotus Day Spa", WEEK_START, ZoneId.of("Europe/Amsterdam"),
            15, List.of(hours(MON, 9, 20), hours(TUE, 9, 20), hours(WED, 9, 20), hours(THU, 9, 20),
                    hours(FRI, 9, 20), hours(SAT, 9, 20)));

    private RosterFixtures() {
    }

    // ************************************************************************
    // Time
    // ************************************************************************

    /** Minute of the week: {@code at(TUE, 10, 30)} is Tuesday 10:30. */
    static int at(int day, int hour, int minute) {
        return day * WeekInterval.MINUTES_PER_DAY + hour * 60 + minute;
    }

    static int at(int day, int hour) {
        return at(day, hour, 0);
    }

    static TimeSlot slot(int minute) {
        return new TimeSlot(minute, WEEK_START.atStartOfDay().plusMinutes(minute));
    }

    static WeekInterval between(int start, int end) {
        return new WeekInterval(start, end);
    }

    /** Whole hours on one day, e.g. {@code hours(TUE, 10, 14)} is Tuesday 10:00-14:00. */
    static WeekInterval hours(int day, int fromHour, int toHour) {
        return new WeekInterval(at(day, fromHour), at(day, toHour));
    }

    static final WeekInterval WHOLE_WEEK = new WeekInterval(0, 7 * WeekInterval.MINUTES_PER_DAY);

    // ************************************************************************
    // Facts
    // ************************************************************************

    /** Works Monday to Friday 09:00-18:00 (2700 minutes), default changeover and caps, no time off. */
    static Therapist therapist(String name, String... skills) {
        return therapist(name, weekdays(9, 18), List.of(), List.of(), skills);
    }

    static Therapist therapistWithShifts(String name, List<WeekInterval> shifts, String... skills) {
        return therapist(name, shifts, List.of(), List.of(), skills);
    }

    static Therapist therapist(String name, List<WeekInterval> shifts, List<WeekInterval> timeOff,
            List<WeekInterval> ratherNotWork, String... skills) {
        return new Therapist(idOf(name), name, Set.of(skills), shifts, timeOff,
                Therapist.DEFAULT_CHANGEOVER_MINUTES, Therapist.DEFAULT_MAX_HANDS_ON_MINUTES_PER_DAY,
                Therapist.DEFAULT_MAX_HIGH_LOAD_SESSIONS_PER_DAY, ratherNotWork);
    }

    static Therapist withChangeover(Therapist therapist, int changeoverMinutes) {
        return new Therapist(therapist.id(), therapist.name(), therapist.skills(), therapist.shifts(),
                therapist.timeOff(), changeoverMinutes, therapist.maxHandsOnMinutesPerDay(),
                therapist.maxHighLoadSessionsPerDay(), therapist.ratherNotWork());
    }

    static Therapist withCaps(Therapist therapist, int maxHandsOnMinutes, int maxHighLoadSessions) {
        return new Therapist(therapist.id(), therapist.name(), therapist.skills(), therapist.shifts(),
                therapist.timeOff(), therapist.changeoverMinutes(), maxHandsOnMinutes, maxHighLoadSessions,
                therapist.ratherNotWork());
    }

    static Therapist withWorkRules(Therapist therapist, WorkRules workRules) {
        return new Therapist(therapist.id(), therapist.name(), therapist.skills(), therapist.shifts(),
                therapist.timeOff(), therapist.changeoverMinutes(), therapist.maxHandsOnMinutesPerDay(),
                therapist.maxHighLoadSessionsPerDay(), therapist.ratherNotWork(), workRules);
    }

    /** The same hours Monday to Friday. */
    static List<WeekInterval> weekdays(int fromHour, int toHour) {
        var shifts = new ArrayList<WeekInterval>();
        for (var day = MON; day <= FRI; day++) {
            shifts.add(hours(day, fromHour, toHour));
        }
        return shifts;
    }

    static Room room(String name, String... features) {
        return new Room(idOf(name), name, Set.of(features), List.of());
    }

    static Room roomOutOfService(String name, WeekInterval outOfService, String... features) {
        return new Room(idOf(name), name, Set.of(features), List.of(outOfService));
    }

    static Client client(String name) {
        return new Client(idOf(name), name, Set.of(), Set.of(), List.of(), false);
    }

    private static final List<String> GUEST_NAMES = List.of("Ines Duarte", "Kofi Mensah", "Lena Weber",
            "Omar Haddad", "Priya Nair", "Rui Costa", "Sara Lindqvist", "Yusuf Demir");

    /** One of a few more clients, for days that need many sessions. */
    static Client guest(int number) {
        return client(GUEST_NAMES.get(number % GUEST_NAMES.size()));
    }

    static Client clientPreferring(String name, Therapist... therapists) {
        return new Client(idOf(name), name, ids(therapists), Set.of(), List.of(), false);
    }

    static Client clientAvoiding(String name, Therapist... therapists) {
        return new Client(idOf(name), name, Set.of(), ids(therapists), List.of(), false);
    }

    static Client clientPreferringTimes(String name, WeekInterval... preferredTimes) {
        return new Client(idOf(name), name, Set.of(), Set.of(), List.of(preferredTimes), false);
    }

    static CarePlan carePlan(Client client, Treatment treatment, SeriesSpacing spacing, boolean sameTherapist) {
        return new CarePlan("plan-" + client.id(), client.name(), treatment.name(), 6, spacing, sameTherapist, 0);
    }

    // ************************************************************************
    // Sessions
    // ************************************************************************

    /** A requested session, any time this week; refine with the builder, then {@code at(...)} or {@code unassigned()}. */
    static SessionBuilder session(String id, Client client, Treatment treatment, int minutes) {
        return new SessionBuilder(id, client, treatment, minutes);
    }

    static final class SessionBuilder {

        private final String id;
        private final Client client;
        private final Treatment treatment;
        private final int minutes;
        private WeekInterval window = WHOLE_WEEK;
        private AppointmentState state = AppointmentState.REQUESTED;
        private boolean released;
        private CarePlan carePlan;
        private int seriesIndex;
        private PublishedAssignment published;

        private SessionBuilder(String id, Client client, Treatment treatment, int minutes) {
            this.id = id;
            this.client = client;
            this.treatment = treatment;
            this.minutes = minutes;
        }

        SessionBuilder window(WeekInterval window) {
            this.window = window;
            return this;
        }

        SessionBuilder state(AppointmentState state) {
            this.state = state;
            return this;
        }

        /** Confirmed: the client was told this therapist, room and start. */
        SessionBuilder confirmedAs(Therapist therapist, Room room, int startMinute) {
            this.state = AppointmentState.CONFIRMED;
            this.published = new PublishedAssignment(therapist.id(), room.id(), startMinute);
            return this;
        }

        SessionBuilder releasedByFrontDesk() {
            this.released = true;
            return this;
        }

        /** Session {@code seriesIndex + 1} of the care plan. */
        SessionBuilder inCarePlan(CarePlan carePlan, int seriesIndex) {
            this.carePlan = carePlan;
            this.seriesIndex = seriesIndex;
            return this;
        }

        Appointment unassigned() {
            return new Appointment(id, client, treatment, minutes, window, state, released, carePlan, seriesIndex,
                    published);
        }

        Appointment at(Therapist therapist, Room room, int startMinute) {
            var appointment = unassigned();
            appointment.assign(therapist, room, slot(startMinute));
            return appointment;
        }
    }

    private static Set<String> ids(Therapist... therapists) {
        return Arrays.stream(therapists).map(Therapist::id).collect(java.util.stream.Collectors.toSet());
    }

    private static String idOf(String name) {
        return name.toLowerCase().replace(' ', '-');
    }
}
