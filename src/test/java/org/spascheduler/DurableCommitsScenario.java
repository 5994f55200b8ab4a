package org.spascheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answered writes survive a kill -9 (issue 12, "durable commits"). The service runs as a child JVM on a database file
 * of its own, with the SMALL demo loaded on its first start. Each round reads the week (its export and its event log),
 * makes one write, SIGKILLs the service as soon as the 2xx answer is in, starts it again on the same file and checks
 * that the write is there whole and nothing else changed:
 * <ul>
 * <li>a booking (the first of the slot options for a client and a day): the session as answered, confirmed where it
 * was booked, and its BOOKING event;</li>
 * <li>a sick call (a therapist off for a day, preferably one with a session booked in an earlier round): the event as
 * answered in the event log, the therapist's time off, and its repair, every changed session where the answer says
 * and every other one where it was, none left released.</li>
 * </ul>
 * Problems are collected rather than thrown, so that a failure says how many of the rounds lost their write.
 */
final class DurableCommitsScenario {

    /** What the rounds found. */
    record Outcome(int bookings, int sickCalls, int roundsWithLosses, int starts, Duration took,
            List<String> problems) {

        String summary() {
            return ("%d bookings and %d sick calls, each SIGKILLed right after its answer: %d rounds lost all or part "
                    + "of their write (%d problems); %d starts in %d s").formatted(bookings, sickCalls,
                            roundsWithLosses, problems.size(), starts, took.toSeconds());
        }
    }

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Path directory;
    private final Path logs;
    private final List<String> problems = new ArrayList<>();
    private final List<String> bookedIds = new ArrayList<>();
    private final List<Long> eventIds = new ArrayList<>();
    private final Set<String> sickDays = new HashSet<>();
    private ServiceProcess service;
    private int starts;
    private int roundsWithLosses;
    private final LocalDate monday;

    private DurableCommitsScenario(Path directory, Path logs) {
        this.directory = directory;
        this.logs = logs;
        this.service = start();
        var weeks = service.getJson("/api/weeks");
        assertThat(weeks).as("the demo week, loaded on the first start").hasSize(1);
        this.monday = LocalDate.parse(weeks.get(0).get("weekStart").asString());
    }

    /**
     * Alternates bookings and sick calls, a booking first.
     *
     * @param directory the service's working directory, where its database file goes
     * @param logs where each start's output goes, kept for a look after a failure
     */
    static Outcome run(Path directory, Path logs, int bookings, int sickCalls) {
        var started = System.nanoTime();
        var scenario = new DurableCommitsScenario(directory, logs);
        try {
            for (int booking = 0, sickCall = 0; booking < bookings || sickCall < sickCalls;) {
                var problemsBefore = scenario.problems.size();
                if (booking < bookings && (booking <= sickCall || sickCall == sickCalls)) {
                    scenario.bookingRound(booking++);
                } else {
                    scenario.sickCallRound(sickCall++);
                }
                if (scenario.problems.size() > problemsBefore) {
                    scenario.roundsWithLosses++;
                }
            }
            scenario.everyAnsweredWriteIsThere();
        } finally {
            scenario.service.kill();
        }
        return new Outcome(bookings, sickCalls, scenario.roundsWithLosses, scenario.starts,
                Duration.ofNanos(System.nanoTime() - started),
                List.copyOf(scenario.problems));
    }

    private ServiceProcess start() {
        starts++;
        return ServiceProcess.start(directory, logs.resolve("service-" + starts + ".log"), "--spa.demo.size=SMALL");
    }

    private void bookingRound(int round) {
        var week = week();
        var events = events();
        var option = bookableOption(week, round);
        var answer = service.post("/api/front-desk/bookings", option);
        service.kill();
        assertThat(answer.statusCode()).as("booking %d: %s (log: %s)", round, answer.body(), service.log())
                .isEqualTo(201);
        var booked = JSON.readTree(answer.body());
        var id = booked.get("id").asString();
        bookedIds.add(id);

        service = start();
        var what = "booking " + round + " (" + id + ")";
        var weekAfter = week();
        var eventsAfter = events();
        var appointments = byId(weekAfter.get("appointments"));
        if (!booked.equals(appointments.get(id))) {
            problems.add("%s: stored as %s, answered as %s".formatted(what, appointments.get(id), booked));
        }
        var expected = byId(week.get("appointments"));
        expected.put(id, booked);
        if (!expected.equals(appointments)) {
            problems.add("%s: other sessions changed too".formatted(what));
        }
        if (eventsAfter.size() != events.size() + 1) {
            problems.add("%s: %d events after it, %d before".formatted(what, eventsAfter.size(), events.size()));
        } else {
            var event = eventsAfter.get(eventsAfter.size() - 1);
            eventIds.add(event.get("id").asLong());
            if (!"BOOKING".equals(event.get("kind").asString()) || !id.equals(event.get("appointmentId").asString())) {
                problems.add("%s: its event is missing, the last one is %s".formatted(what, event));
            }
        }
    }

    /** The first slot option for some client's session on some day of the week; the round picks where to start. */
    private Map<String, Object> bookableOption(JsonNode week, int round) {
        var sessions = new ArrayList<Map<String, Object>>();
        for (var appointment : week.get("appointments")) {
            var session = new LinkedHashMap<String, Object>();
            session.put("clientId", appointment.get("clientId").asString());
            session.put("treatmentId", appointment.get("treatmentId").asString());
            session.put("durationMinutes", appointment.get("durationMinutes").asInt());
            if (!sessions.contains(session)) {
                sessions.add(session);
            }
        }
        for (var attempt = 0; attempt < 40; attempt++) {
            var day = monday.plusDays((round + attempt) % 7);
            var question = new LinkedHashMap<>(sessions.get((round * 7 + attempt) % sessions.size()));
            question.put("windowStart", day.atTime(6, 0).toString());
            question.put("windowEnd", day.atTime(23, 0).toString());
            var answer = service.post("/api/front-desk/slot-options", question);
            if (answer.statusCode() == 200 && !JSON.readTree(answer.body()).isEmpty()) {
                var option = JSON.readTree(answer.body()).get(0);
                var booking = new LinkedHashMap<String, Object>(question);
                booking.remove("windowStart");
                booking.remove("windowEnd");
                booking.put("therapistId", option.get("therapistId").asString());
                booking.put("roomId", option.get("roomId").asString());
                booking.put("startsAt", option.get("startsAt").asString());
                return booking;
            }
        }
        throw new AssertionError("No slot option found for round " + round);
    }

    private void sickCallRound(int round) {
        var week = week();
        var events = events();
        var therapistAndDay = sickDay(week);
        var therapistId = therapistAndDay.getKey();
        var day = therapistAndDay.getValue();
        var call = new LinkedHashMap<String, Object>();
        call.put("therapistId", therapistId);
        call.put("startsAt", day.atStartOfDay().toString());
        call.put("endsAt", day.plusDays(1).atStartOfDay().toString());
        call.put("reason", "sick call " + round);
        var answer = service.post("/api/front-desk/therapist-unavailable", call);
        service.kill();
        assertThat(answer.statusCode()).as("sick call %d: %s (log: %s)", round, answer.body(), service.log())
                .isEqualTo(201);
        var event = JSON.readTree(answer.body());
        eventIds.add(event.get("id").asLong());

        service = start();
        var what = "sick call " + round + " (event " + event.get("id") + ", " + therapistId + " on " + day + ", "
                + event.get("changed").size() + " sessions changed)";
        var eventsAfter = events();
        var expectedEvents = new ArrayList<>(events);
        expectedEvents.add(event);
        if (!expectedEvents.equals(eventsAfter)) {
            problems.add("%s: the event log has %d events, expected %d ending with the answer; its last: %s"
                    .formatted(what, eventsAfter.size(), expectedEvents.size(),
                            eventsAfter.isEmpty() ? null : eventsAfter.get(eventsAfter.size() - 1)));
        }
        var weekAfter = week();
        var timeOff = timeOff(weekAfter, therapistId);
        var expectedTimeOff = timeOff(week, therapistId);
        expectedTimeOff.add(List.of(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), "sick call " + round));
        if (!expectedTimeOff.equals(timeOff)) {
            problems.add("%s: time off %s, expected %s".formatted(what, timeOff, expectedTimeOff));
        }
        var repaired = new HashMap<String, List<Object>>();
        event.get("changed").forEach(change -> repaired.put(change.get("appointmentId").asString(),
                placement(change.get("to"))));
        var before = byId(week.get("appointments"));
        var after = byId(weekAfter.get("appointments"));
        if (!before.keySet().equals(after.keySet())) {
            problems.add("%s: the week's sessions are %s, were %s".formatted(what, after.keySet(), before.keySet()));
        }
        after.forEach((id, appointment) -> {
            var expected = repaired.containsKey(id) ? repaired.get(id)
                    : before.containsKey(id) ? placement(before.get(id)) : null;
            if (!placement(appointment).equals(expected)) {
                problems.add("%s: %s is at %s, expected %s".formatted(what, id, placement(appointment), expected));
            }
            if (!repaired.containsKey(id) && before.containsKey(id)
                    && !appointment.get("state").equals(before.get(id).get("state"))) {
                problems.add("%s: %s is %s, was %s".formatted(what, id, appointment.get("state"),
                        before.get(id).get("state")));
            }
            if (appointment.get("released").asBoolean()) {
                problems.add("%s: %s is still released".formatted(what, id));
            }
        });
    }

    /** A therapist and a day not yet called in sick: first those of sessions this test booked, then any. */
    private Map.Entry<String, LocalDate> sickDay(JsonNode week) {
        var appointments = byId(week.get("appointments"));
        var candidates = new LinkedHashSet<Map.Entry<String, LocalDate>>();
        for (var id : bookedIds) {
            var appointment = appointments.get(id);
            if (appointment != null && !appointment.get("therapistId").isNull()
                    && !appointment.get("startsAt").isNull()) {
                candidates.add(Map.entry(appointment.get("therapistId").asString(),
                        LocalDateTime.parse(appointment.get("startsAt").asString()).toLocalDate()));
            }
        }
        for (var day = 0; day < 7; day++) {
            for (var therapist : week.get("therapists")) {
                candidates.add(Map.entry(therapist.get("id").asString(), monday.plusDays(day)));
            }
        }
        for (var candidate : candidates) {
            if (sickDays.add(candidate.getKey() + "@" + candidate.getValue())) {
                return candidate;
            }
        }
        throw new AssertionError("Every therapist is already off every day of the week");
    }

    private void everyAnsweredWriteIsThere() {
        var appointments = byId(week().get("appointments"));
        bookedIds.stream().filter(id -> !appointments.containsKey(id))
                .forEach(id -> problems.add("at the end: booking %s is gone".formatted(id)));
        var recorded = events().stream().map(event -> event.get("id").asLong()).toList();
        eventIds.stream().filter(id -> !recorded.contains(id))
                .forEach(id -> problems.add("at the end: event %d is gone".formatted(id)));
    }

    private JsonNode week() {
        return service.getJson("/api/weeks/" + monday + "/export");
    }

    private List<JsonNode> events() {
        var events = new ArrayList<JsonNode>();
        service.getJson("/api/weeks/" + monday + "/events").forEach(events::add);
        return events;
    }

    private static Map<String, JsonNode> byId(JsonNode records) {
        var byId = new LinkedHashMap<String, JsonNode>();
        records.forEach(record -> byId.put(record.get("id").asString(), record));
        return byId;
    }

    /** Therapist, room and start, the start as a time (so that 10:00 and 10:00:00 are one). */
    private static List<Object> placement(JsonNode place) {
        var startsAt = text(place.get("startsAt"));
        return Arrays.asList(text(place.get("therapistId")), text(place.get("roomId")),
                startsAt == null ? null : LocalDateTime.parse(startsAt));
    }

    private static List<List<Object>> timeOff(JsonNode week, String therapistId) {
        var periods = new ArrayList<List<Object>>();
        for (var therapist : week.get("therapists")) {
            if (therapist.get("id").asString().equals(therapistId)) {
                therapist.get("timeOff").forEach(period -> periods.add(Arrays.asList(
                        LocalDateTime.parse(period.get("startsAt").asString()),
                        LocalDateTime.parse(period.get("endsAt").asString()), text(period.get("reason")))));
            }
        }
        return periods;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    static void requireNoProblems(Outcome outcome) {
        assertThat(outcome.problems()).as(outcome.summary()).isEmpty();
    }
}
