package org.spascheduler.schedule.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.AppointmentState;
import org.spascheduler.schedule.domain.CarePlan;
import org.spascheduler.schedule.domain.Client;
import org.spascheduler.schedule.domain.PublishedAssignment;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SeriesSpacing;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.SpaSettings;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TimeSlot;
import org.spascheduler.schedule.domain.TherapistLoad;
import org.spascheduler.schedule.domain.Treatment;
import org.spascheduler.schedule.domain.WeekInterval;

/**
 * Generates a realistic, seeded demo week of a spa. It first packs a hidden roster, therapist day by therapist day,
 * that keeps every hard rule (skills, shifts and time off, changeover, room features and turnover, breaks, daily caps,
 * care plan spacing), then turns each hidden session into a request whose window contains it: a whole day, a part of a
 * day, or any time this week. The solver never sees the hidden roster; it only proves that a full roster exists.
 * <p>
 * Most requests are relaxation; deep tissue and trigger point need the fewer certified therapists and hot stone needs
 * the room with the stone heater. Some clients want a particular therapist or an evening, some therapists are off a
 * day, and a room is out of service for a morning.
 */
public final class DemoSpaGenerator {

    public static final long DEFAULT_SEED = 20261130L;
    /** The demo spa's time zone, known before a week is generated (to pick the week that starts next there). */
    public static final ZoneId TIME_ZONE = ZoneId.of("Europe/Amsterdam");

    static final String MASSAGE_TABLE = "massage table";
    static final String COUPLES_ROOM = "couples room";
    static final String STONE_HEATER = "stone heater";
    static final String SHOWER = "shower";

    private static final int GRAIN = 15;
    private static final int DAY = WeekInterval.MINUTES_PER_DAY;

    private static final Treatment RELAXATION = new Treatment("relaxation", "Relaxation", List.of(30, 60, 90),
            "relaxation", TherapistLoad.LOW, Set.of(MASSAGE_TABLE), 10, null);
    private static final Treatment DEEP_TISSUE = new Treatment("deep-tissue", "Deep tissue", List.of(60, 90),
            "deep tissue", TherapistLoad.HIGH, Set.of(MASSAGE_TABLE), 15, new SeriesSpacing(3, 3, 4, 7));
    private static final Treatment TRIGGER_POINT = new Treatment("trigger-point", "Trigger point", List.of(30, 60, 90),
            "trigger point", TherapistLoad.HIGH, Set.of(MASSAGE_TABLE), 15, new SeriesSpacing(2, 3, 4, 7));
    private static final Treatment HOT_STONE = new Treatment("hot-stone", "Hot stone", List.of(60, 90), "hot stone",
            TherapistLoad.LOW, Set.of(MASSAGE_TABLE, STONE_HEATER), 20, null);

    private static final List<String> FIRST_NAMES = List.of("Anna", "Ben", "Chloe", "David", "Elena", "Farid", "Grace",
            "Hugo", "Ines", "Jonas", "Kira", "Liam", "Maya", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara",
            "Umar", "Vera", "Wim", "Xenia", "Yusuf", "Zoe", "Amir", "Bianca", "Carlos", "Dana", "Emil", "Fleur");
    private static final List<String> LAST_NAMES = List.of("Jansen", "Okafor", "Novak", "Silva", "Berg", "Haddad",
            "Kowalski", "Moreau", "Nakamura", "Petrov", "Rossi", "Schmidt", "Tanaka", "Visser", "Weber", "Yilmaz",
            "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Horvat", "Ivanova", "Kim", "Larsen", "Meyer");

    private final DemoSize size;
    private final Random random;
    private final LocalDate weekStart;
    private final List<WeekInterval> openingHours = new ArrayList<>();
    private final List<Therapist> therapists = new ArrayList<>();
    private final List<Room> rooms = new ArrayList<>();
    private final List<Client> clients = new ArrayList<>();
    private final List<CarePlan> carePlans = new ArrayList<>();
    private final List<Appointment> appointments = new ArrayList<>();
    /** The hidden roster: for each therapist and day, the sessions packed so far. */
    private final Map<Therapist, Map<Integer, List<HiddenSession>>> hiddenDays = new HashMap<>();
    private final Map<Room, List<WeekInterval>> roomBusy = new HashMap<>();
    private final Map<String, HiddenSession> hiddenRoster = new HashMap<>();
    private int clientCount;

    private DemoSpaGenerator(DemoSize size, long seed, LocalDate weekStart) {
        this.size = size;
        this.random = new Random(seed ^ size.ordinal() * 7919L);
        this.weekStart = weekStart;
    }

    public static SpaSchedule generate(DemoSize size) {
        return generate(size, DEFAULT_SEED, nextMonday(LocalDate.of(2026, 11, 30)));
    }

    public static SpaSchedule generate(DemoSize size, long seed, LocalDate weekStart) {
        return new DemoSpaGenerator(size, seed, weekStart).build();
    }

    /**
     * The same week with every session placed as in the hidden roster the requests were made from (the requests added
     * to overbook a week stay unscheduled): the proof that a full roster exists, for tests.
     */
    public static SpaSchedule generateWithHiddenRoster(DemoSize size) {
        return generateWithHiddenRoster(size, DEFAULT_SEED, nextMonday(LocalDate.of(2026, 11, 30)));
    }

    /** As {@link #generateWithHiddenRoster(DemoSize)}, for any seed and week: a placed week for front-desk tests. */
    public static SpaSchedule generateWithHiddenRoster(DemoSize size, long seed, LocalDate weekStart) {
        var generator = new DemoSpaGenerator(size, seed, weekStart);
        var schedule = generator.build();
        for (var appointment : schedule.getAppointments()) {
            var hidden = generator.hiddenRoster.get(appointment.getId());
            if (hidden != null) {
                var start = appointment.getCandidateStarts().stream()
                        .filter(slot -> slot.minuteOfWeek() == hidden.start())
                        .findFirst()
                        .orElseThrow();
                appointment.assign(hidden.therapist(), hidden.room(), start);
            }
        }
        return schedule;
    }

    private static LocalDate nextMonday(LocalDate date) {
        return date.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    private SpaSchedule build() {
        createOpeningHours();
        createRooms();
        createTherapists();
        var treatments = List.of(RELAXATION, DEEP_TISSUE, TRIGGER_POINT, HOT_STONE);
        createCarePlans();
        packHiddenRoster();
        addOverbookedRequests();
        var settings = new SpaSettings("Demo spa (" + size.name().toLowerCase() + ")", weekStart,
                TIME_ZONE, GRAIN, openingHours);
        return SpaSchedule.assemble(settings, treatments, therapists, rooms, clients, carePlans, appointments);
    }

    // ************************************************************************
    // The spa
    // ************************************************************************

    private void createOpeningHours() {
        for (var day = 0; day < 5; day++) {
            openingHours.add(interval(day, 9, 0, 21, 0));
        }
        openingHours.add(interval(5, 9, 0, 18, 0));
        openingHours.add(interval(6, 10, 0, 17, 0));
    }

    private void createRooms() {
        var clinic = size.shape() == DemoSize.SpaShape.ROOM_BOUND_CLINIC;
        var stoneRooms = clinic ? 1 : Math.max(1, size.rooms() / 8);
        var couplesRooms = clinic ? 0 : Math.max(1, size.rooms() / 12);
        for (var index = 0; index < size.rooms(); index++) {
            var features = new HashSet<String>(Set.of(MASSAGE_TABLE));
            String name;
            if (index < couplesRooms) {
                features.addAll(Set.of(COUPLES_ROOM, SHOWER));
                name = couplesRooms == 1 ? "Couples Suite" : "Couples Suite " + (index + 1);
            } else if (index < couplesRooms + stoneRooms) {
                features.add(STONE_HEATER);
                name = stoneRooms == 1 ? "Stone Room" : "Stone Room " + (index - couplesRooms + 1);
            } else {
                if (random.nextInt(3) == 0) {
                    features.add(SHOWER);
                }
                name = "Room " + (index + 1);
            }
            // One room is out of service on Wednesday morning for maintenance.
            var outOfService = index == size.rooms() - 1 ? List.of(interval(2, 9, 0, 12, 0)) : List.<WeekInterval>of();
            var room = new Room("room-" + (index + 1), name, features, outOfService);
            rooms.add(room);
            roomBusy.put(room, new ArrayList<>(outOfService));
        }
    }

    private void createTherapists() {
        var shiftStarts = new int[] { 9 * 60, 12 * 60 };
        for (var index = 0; index < size.therapists(); index++) {
            var skills = new HashSet<String>(Set.of(RELAXATION.requiredSkill()));
            // Certified therapists are the minority: deep tissue about half, trigger point and hot stone a third.
            if (index % 2 == 0) {
                skills.add(DEEP_TISSUE.requiredSkill());
            }
            if (index % 3 == 0) {
                skills.add(TRIGGER_POINT.requiredSkill());
            }
            // The clinic trains every other therapist in hot stone, its draw.
            if (size.shape() == DemoSize.SpaShape.ROOM_BOUND_CLINIC ? index % 2 == 1 : index % 3 == 1) {
                skills.add(HOT_STONE.requiredSkill());
            }
            var workingDays = workingDays(index);
            var shiftStart = shiftStarts[index % shiftStarts.length];
            var shifts = new ArrayList<WeekInterval>();
            for (var day : workingDays) {
                var opening = openingHours.get(day);
                var start = Math.max(opening.start(), day * DAY + shiftStart);
                var end = Math.min(opening.end(), start + 9 * 60);
                start = Math.max(opening.start(), Math.min(start, end - 8 * 60));
                shifts.add(new WeekInterval(start, end));
            }
            var timeOff = new ArrayList<WeekInterval>();
            // Some therapists are off one of their working days (a dentist, a course, a sick child).
            if (index % 5 == 4) {
                var dayOff = workingDays.get(random.nextInt(workingDays.size()));
                timeOff.add(new WeekInterval(dayOff * DAY, (dayOff + 1) * DAY));
            }
            var ratherNotWork = new ArrayList<WeekInterval>();
            if (index % 4 == 1) {
                ratherNotWork.add(interval(5, 9, 0, 18, 0)); // rather not on Saturdays
            } else if (index % 4 == 3) {
                for (var day = 0; day < 5; day++) {
                    ratherNotWork.add(interval(day, 19, 0, 21, 0)); // rather not late evenings
                }
            }
            var name = FIRST_NAMES.get(index % FIRST_NAMES.size())
                    + (index >= FIRST_NAMES.size() ? " " + (index / FIRST_NAMES.size() + 1) : "");
            var therapist = new Therapist("therapist-" + (index + 1), name, skills, shifts, timeOff,
                    Therapist.DEFAULT_CHANGEOVER_MINUTES, Therapist.DEFAULT_MAX_HANDS_ON_MINUTES_PER_DAY,
                    Therapist.DEFAULT_MAX_HIGH_LOAD_SESSIONS_PER_DAY, ratherNotWork);
            therapists.add(therapist);
            hiddenDays.put(therapist, new HashMap<>());
        }
    }

    /** Six working days, rotating the day off so that every day is staffed. */
    private List<Integer> workingDays(int therapistIndex) {
        var days = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
        days.remove(Integer.valueOf(therapistIndex * 3 % 7));
        return days;
    }

    // ************************************************************************
    // The hidden roster and the requests made from it
    // ************************************************************************

    private void createCarePlans() {
        for (var index = 0; index < size.carePlans(); index++) {
            var treatment = index % 2 == 0 ? TRIGGER_POINT : DEEP_TISSUE;
            var certified = therapists.stream().filter(t -> t.hasSkill(treatment.requiredSkill())).toList();
            var spacing = treatment.seriesDefault();
            var doneBefore = random.nextInt(4);
            var planned = false;
            for (var attempt = 0; attempt < 20 && !planned; attempt++) {
                var therapist = certified.get(random.nextInt(certified.size()));
                var firstDay = random.nextInt(3);
                var secondDay = firstDay + spacing.idealMinDays() + random.nextInt(2);
                var duration = 60;
                var first = findSlot(therapist, firstDay, treatment, duration);
                var second = first == null ? null : findSlot(therapist, secondDay, treatment, duration);
                if (first != null && second != null) {
                    var client = clientFor(first, true);
                    var plan = new CarePlan("plan-" + (index + 1), client.name(), treatment.name(), 6, spacing, true,
                            doneBefore);
                    carePlans.add(plan);
                    var wholeWeek = new WeekInterval(0, 7 * DAY);
                    book(first, client, plan, doneBefore, wholeWeek);
                    if (doneBefore + 1 < plan.totalSessions()) {
                        book(second, client, plan, doneBefore + 1, wholeWeek);
                    }
                    planned = true;
                }
            }
        }
    }

    private void packHiddenRoster() {
        var therapistDays = new ArrayList<TherapistDayRef>();
        for (var therapist : therapists) {
            for (var day = 0; day < 7; day++) {
                if (!shiftOn(therapist, day).isEmpty()) {
                    therapistDays.add(new TherapistDayRef(therapist, day));
                }
            }
        }
        var perDay = size.sessionsPerWorkingDay();
        for (var round = 0; round < Math.ceil(perDay); round++) {
            Collections.shuffle(therapistDays, random);
            for (var ref : therapistDays) {
                var booked = hiddenDays.get(ref.therapist()).getOrDefault(ref.day(), List.of()).size();
                var wanted = round < Math.floor(perDay) || random.nextDouble() < perDay - Math.floor(perDay);
                if (booked <= round && wanted && hiddenSessionCount() < size.targetSessions() / size
                        .overbookingFactor()) {
                    packOne(ref.therapist(), ref.day());
                }
            }
        }
    }

    private void packOne(Therapist therapist, int day) {
        for (var attempt = 0; attempt < 6; attempt++) {
            var treatment = pickTreatment(therapist);
            var duration = pickDuration(treatment);
            var slot = findSlot(therapist, day, treatment, duration);
            if (slot != null) {
                var client = clientFor(slot, false);
                book(slot, client, null, 0, requestWindow(slot));
                return;
            }
        }
    }

    /** OVERBOOKED: more requests than the packed staff can take, with windows like everybody else's. */
    private void addOverbookedRequests() {
        var extra = (int) Math.round(hiddenSessionCount() * (size.overbookingFactor() - 1.0));
        for (var index = 0; index < extra; index++) {
            var therapist = therapists.get(random.nextInt(therapists.size()));
            var treatment = pickTreatment(therapist);
            var duration = pickDuration(treatment);
            var workingDays = IntStream.range(0, 7)
                    .filter(day -> !shiftOn(therapist, day).isEmpty()).toArray();
            var day = workingDays[random.nextInt(workingDays.length)];
            var shift = shiftOn(therapist, day).get(0);
            var start = shift.start() + GRAIN * random.nextInt(Math.max(1, (shift.lengthMinutes() - duration) / GRAIN));
            var slot = new HiddenSession(therapist, rooms.get(0), treatment, duration, start);
            var client = clientFor(slot, false);
            appointments.add(new Appointment("session-" + (appointments.size() + 1), client, treatment, duration,
                    requestWindow(slot), AppointmentState.REQUESTED, false, null, 0, null));
        }
    }

    private int hiddenSessionCount() {
        return appointments.size();
    }

    private Treatment pickTreatment(Therapist therapist) {
        var roll = random.nextInt(100);
        // The clinic's stone room is its draw: over a fifth of the requests are hot stone, not a tenth.
        var hotStoneFrom = size.shape() == DemoSize.SpaShape.ROOM_BOUND_CLINIC ? 78 : 90;
        Treatment wanted;
        if (roll < 60) {
            wanted = RELAXATION;
        } else if (roll < hotStoneFrom - 12) {
            wanted = DEEP_TISSUE;
        } else if (roll < hotStoneFrom) {
            wanted = TRIGGER_POINT;
        } else {
            wanted = HOT_STONE;
        }
        return therapist.hasSkill(wanted.requiredSkill()) ? wanted : RELAXATION;
    }

    private int pickDuration(Treatment treatment) {
        var durations = treatment.durationsMinutes();
        var roll = random.nextInt(100);
        var wanted = roll < 40 ? 30 : roll < 90 ? 60 : 90;
        return durations.contains(wanted) ? wanted : durations.get(Math.min(1, durations.size() - 1));
    }

    /**
     * The earliest start on the therapist's day after their last hidden session that keeps changeover, breaks, caps and
     * room turnover, or null when the day is full.
     */
    private @Nullable HiddenSession findSlot(Therapist therapist, int day, Treatment treatment, int duration) {
        var shifts = shiftOn(therapist, day);
        if (shifts.isEmpty()) {
            return null;
        }
        var shift = shifts.get(0);
        var sessions = hiddenDays.get(therapist).computeIfAbsent(day, d -> new ArrayList<>());
        var handsOn = sessions.stream().mapToInt(HiddenSession::duration).sum();
        var highLoad = sessions.stream().filter(s -> s.treatment().isHighLoad()).count();
        if (handsOn + duration > therapist.maxHandsOnMinutesPerDay()
                || treatment.isHighLoad() && highLoad >= therapist.maxHighLoadSessionsPerDay()) {
            return null;
        }
        int earliest;
        if (sessions.isEmpty()) {
            earliest = shift.start() + GRAIN * random.nextInt(3);
        } else {
            var last = sessions.get(sessions.size() - 1);
            var runMinutes = currentRunMinutes(sessions);
            var gap = runMinutes + duration > 180 ? 45 : therapist.changeoverMinutes();
            earliest = roundUpToGrain(last.end() + gap);
            // A day longer than six hours needs a break: take it before the session that would stretch it so.
            var dayStart = sessions.get(0).start();
            if (earliest + duration - dayStart > 6 * 60 && !hasBreak(sessions)) {
                earliest = roundUpToGrain(last.end() + 45);
            }
        }
        for (var start = earliest; start + duration <= shift.end(); start += GRAIN) {
            if (!therapist.isAvailable(start, start + duration)) {
                continue;
            }
            var room = freeRoom(treatment, start, start + duration + treatment.turnoverMinutes());
            if (room != null) {
                return new HiddenSession(therapist, room, treatment, duration, start);
            }
        }
        return null;
    }

    private static int currentRunMinutes(List<HiddenSession> sessions) {
        var run = 0;
        for (var index = sessions.size() - 1; index >= 0; index--) {
            run += sessions.get(index).duration();
            if (index > 0 && sessions.get(index).start() - sessions.get(index - 1).end() >= 30) {
                break;
            }
        }
        return run;
    }

    private static boolean hasBreak(List<HiddenSession> sessions) {
        for (var index = 1; index < sessions.size(); index++) {
            if (sessions.get(index).start() - sessions.get(index - 1).end() >= 30) {
                return true;
            }
        }
        return false;
    }

    private @Nullable Room freeRoom(Treatment treatment, int start, int busyUntil) {
        // Prefer plain rooms, so that the stone and couples rooms stay free for what needs them.
        return rooms.stream()
                .filter(room -> room.hasFeatures(treatment.requiredRoomFeatures()))
                .filter(room -> roomBusy.get(room).stream().allMatch(b -> b.end() <= start || busyUntil <= b.start()))
                .min(Comparator.comparingInt(room -> room.features().size()))
                .orElse(null);
    }

    private void book(HiddenSession slot, Client client, @Nullable CarePlan plan, int seriesIndex,
            WeekInterval window) {
        hiddenDays.get(slot.therapist()).get(slot.start() / DAY).add(slot);
        hiddenDays.get(slot.therapist()).get(slot.start() / DAY).sort(Comparator.comparingInt(HiddenSession::start));
        roomBusy.get(slot.room()).add(new WeekInterval(slot.start(), slot.end() + slot.treatment().turnoverMinutes()));
        // About one session in ten was confirmed earlier: the client was told this time and it is pinned.
        var confirmed = plan == null && random.nextInt(10) == 0;
        var appointment = new Appointment("session-" + (appointments.size() + 1), client, slot.treatment(),
                slot.duration(), window, confirmed ? AppointmentState.CONFIRMED : AppointmentState.REQUESTED, false,
                plan, seriesIndex,
                confirmed ? new PublishedAssignment(slot.therapist().id(), slot.room().id(), slot.start()) : null);
        if (confirmed) {
            appointment.assign(slot.therapist(), slot.room(), new TimeSlot(
                    slot.start(), weekStart.atStartOfDay().plusMinutes(slot.start())));
        }
        appointments.add(appointment);
        hiddenRoster.put(appointment.getId(), slot);
    }

    /**
     * A request's window: the whole day (45%), the part of the day the client named, morning, afternoon or evening (30%),
     * or any time this week (25%).
     */
    private WeekInterval requestWindow(HiddenSession slot) {
        var day = slot.start() / DAY;
        var opening = openingHours.get(day);
        var roll = random.nextInt(100);
        if (roll < 45) {
            return opening;
        }
        if (roll < 75) {
            var parts = List.of(interval(day, 9, 0, 13, 0), interval(day, 13, 0, 17, 0), interval(day, 17, 0, 21, 0));
            var from = parts.stream().filter(part -> part.end() > slot.start()).findFirst().orElseThrow().start();
            var to = parts.stream().filter(part -> part.start() < slot.end()).reduce((a, b) -> b).orElseThrow().end();
            return new WeekInterval(Math.max(opening.start(), from), Math.min(opening.end(), to));
        }
        return new WeekInterval(0, 7 * DAY);
    }

    /**
     * A new client for a session. Some want a particular therapist, avoid one, or want a certain part of certain days;
     * most such wishes can be met (they hold for the hidden roster), a few cannot.
     */
    private Client clientFor(HiddenSession slot, boolean chronic) {
        clientCount++;
        var name = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) + " "
                + LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
        var preferred = new HashSet<String>();
        var avoided = new HashSet<String>();
        var roll = random.nextInt(100);
        if (roll < 20 || chronic && roll < 50) {
            preferred.add(slot.therapist().id());
        } else if (roll < 24) {
            avoided.add(therapists.get(random.nextInt(therapists.size())).id());
            avoided.remove(slot.therapist().id());
        }
        var times = new ArrayList<WeekInterval>();
        if (random.nextInt(100) < 30) {
            var day = slot.start() / DAY;
            var minuteOfDay = slot.start() % DAY;
            var partStart = minuteOfDay < 12 * 60 ? 9 * 60 : minuteOfDay < 17 * 60 ? 12 * 60 : 17 * 60;
            times.add(new WeekInterval(day * DAY + partStart, day * DAY + Math.min(21 * 60, partStart + 5 * 60)));
        }
        var client = new Client("client-" + clientCount, name, preferred, avoided, times, chronic);
        clients.add(client);
        return client;
    }

    private List<WeekInterval> shiftOn(Therapist therapist, int day) {
        return therapist.shifts().stream()
                .filter(shift -> shift.start() / DAY == day)
                .filter(shift -> therapist.minutesOfTimeOff(shift.start(), shift.end()) < shift.lengthMinutes())
                .toList();
    }

    private static int roundUpToGrain(int minute) {
        return Math.floorDiv(minute + GRAIN - 1, GRAIN) * GRAIN;
    }

    private static WeekInterval interval(int day, int fromHour, int fromMinute, int toHour, int toMinute) {
        return new WeekInterval(day * DAY + LocalTime.of(fromHour, fromMinute).toSecondOfDay() / 60,
                day * DAY + LocalTime.of(toHour, toMinute).toSecondOfDay() / 60);
    }

    private record TherapistDayRef(Therapist therapist, int day) {
    }

    private record HiddenSession(Therapist therapist, Room room, Treatment treatment, int duration, int start) {

        int end() {
            return start + duration;
        }
    }
}
