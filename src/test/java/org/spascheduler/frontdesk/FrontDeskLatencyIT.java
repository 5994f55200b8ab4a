package org.spascheduler.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.spascheduler.DemoTestWeek;
import org.spascheduler.Latencies;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.books.BooksEvents;
import org.spascheduler.books.Cancellation;
import org.spascheduler.books.SpaBooks;
import org.spascheduler.books.TherapistUnavailable;
import org.spascheduler.roster.RosterWeekService;
import org.spascheduler.week.WeekService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.json.JsonMapper;

/**
 * How long the front desk waits for an event and its roster repair on a published MEDIUM week, and what the repair
 * does to the promises: a benchmark, not a timed test, so an IT outside the default suite.
 * <p>
 * {@code ./mvnw -o test -Dtest=FrontDeskLatencyIT -Dsurefire.failIfNoSpecifiedTests=false}, with
 * {@code -Dlatency.events=200} (events measured), {@code -Dlatency.warmup=10} (events before them, not counted: the
 * JIT compiles the solver's hot paths during the first solves), {@code -Dlatency.eventsPerWeek=10} (the published week
 * is imported again after this many events, so that cancellations and sick calls do not drain it) and
 * {@code -Dlatency.seed=42}.
 * <p>
 * Events alternate at random between a late cancellation of a confirmed session and a sick call of a therapist who
 * works that day, for the whole day or half of it. The wall time is the service call (checks, the event's own change,
 * the repair, the event record), as the desk waits for it; the feasibility check after each event is not timed.
 */
@SpringBootTest
@ActiveProfiles("test")
class FrontDeskLatencyIT {

    private static final LocalDate MONDAY = LocalDate.of(2036, 1, 1)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    /** The bound for confirmed sessions an event did not concern but the repair moved anyway. */
    private static final double MOVED_UNCONCERNED_LIMIT = 0.05;

    @Autowired
    private SpaBooks books;

    @Autowired
    private BooksEvents eventLog;
    @Autowired
    private WeekService weeks;
    @Autowired
    private AppointmentRepository appointments;
    @Autowired
    private RosterWeekService roster;
    @Autowired
    private JsonMapper json;

    private enum Kind {
        CANCELLATION, SICK_CALL
    }

    /** One measured event: how long the desk waited and what happened to the promises. */
    private record Measured(Kind kind, long millis, int unconcernedConfirmed, int movedUnconcerned, int concerned,
            int keptPlace, int lostPlace, long hardScore) {
    }

    @Test
    void repairLatencyAfterCancellationsAndSickCalls() {
        var measuredEvents = Integer.getInteger("latency.events", 200);
        var warmupEvents = Integer.getInteger("latency.warmup", 10);
        var eventsPerWeek = Integer.getInteger("latency.eventsPerWeek", 10);
        var random = new Random(Long.getLong("latency.seed", 42L));

        var results = new ArrayList<Measured>();
        var warmupMillis = new ArrayList<Long>();
        var importMillis = new ArrayList<Long>();
        for (var index = 0; index < warmupEvents + measuredEvents; index++) {
            if (index % eventsPerWeek == 0) {
                var importStart = System.nanoTime();
                publishWeek();
                importMillis.add(millisSince(importStart));
            }
            var kind = random.nextBoolean() ? Kind.CANCELLATION : Kind.SICK_CALL;
            var measured = kind == Kind.CANCELLATION ? cancelAtRandom(random) : sickCallAtRandom(random);
            if (index >= warmupEvents) {
                results.add(measured);
            } else {
                warmupMillis.add(measured.millis());
            }
        }

        report(results, warmupMillis, eventsPerWeek, importMillis);
        assertThat(results).allSatisfy(measured -> assertThat(measured.hardScore()).as("hard score after %s", measured)
                .isZero());
        var unconcerned = results.stream().mapToInt(Measured::unconcernedConfirmed).sum();
        var moved = results.stream().mapToInt(Measured::movedUnconcerned).sum();
        assertThat(moved).as("confirmed sessions moved by events that did not concern them")
                .isLessThanOrEqualTo((int) (unconcerned * MOVED_UNCONCERNED_LIMIT));
    }

    private Measured cancelAtRandom(Random random) {
        var before = confirmed();
        var ids = before.keySet().stream().sorted().toList();
        var cancelled = ids.get(random.nextInt(ids.size()));

        var start = System.nanoTime();
        books.record(new Cancellation(cancelled, true, "client ill", null), "bench").event();
        var millis = millisSince(start);

        var after = byId();
        assertThat(after.get(cancelled).state()).isEqualTo(BookingState.CANCELLED);
        // The cancelled session itself is the only one concerned; it has no place to keep.
        return new Measured(Kind.CANCELLATION, millis, before.size() - 1, movedUnconcerned(before, after,
                Set.of(cancelled)), 1, 0, 0, hardScore());
    }

    private Measured sickCallAtRandom(Random random) {
        var placed = appointments.findByWeekStart(MONDAY).stream().filter(StoredAppointment::isPlaced)
                .filter(a -> a.state() == BookingState.CONFIRMED).toList();
        // A therapist who works that day, so that the call concerns someone; a half day is before or after 13:00.
        var days = placed.stream().map(a -> a.startsAt().toLocalDate()).distinct().sorted().toList();
        var day = days.get(random.nextInt(days.size()));
        var working = placed.stream().filter(a -> a.startsAt().toLocalDate().equals(day))
                .map(StoredAppointment::therapistId)
                .distinct().sorted().toList();
        var therapist = working.get(random.nextInt(working.size()));
        var part = random.nextInt(3);
        var from = part == 2 ? day.atTime(13, 0) : day.atStartOfDay();
        var to = part == 1 ? day.atTime(13, 0) : day.plusDays(1).atStartOfDay();
        var before = confirmed();
        var concerned = appointments.findByWeekStart(MONDAY).stream()
                .filter(a -> a.isPlaced() && therapist.equals(a.therapistId()) && overlaps(a, from, to))
                .filter(a -> a.state() == BookingState.CONFIRMED || a.state() == BookingState.REQUESTED)
                .collect(Collectors.toMap(StoredAppointment::id, a -> a.startsAt().toLocalDate()));

        var start = System.nanoTime();
        books.record(new TherapistUnavailable(therapist, from, to, "flu"), "bench").event();
        var millis = millisSince(start);

        var after = byId();
        var kept = (int) concerned.entrySet().stream().filter(entry -> {
            var now = after.get(entry.getKey());
            return now.isPlaced() && now.startsAt().toLocalDate().equals(entry.getValue());
        }).count();
        var unconcerned = (int) before.keySet().stream().filter(id -> !concerned.containsKey(id)).count();
        return new Measured(Kind.SICK_CALL, millis, unconcerned, movedUnconcerned(before, after, concerned.keySet()),
                concerned.size(), kept, concerned.size() - kept, hardScore());
    }

    /** Confirmed sessions the event did not concern that changed therapist, room or time,
            or are no longer confirmed. */
    private static int movedUnconcerned(Map<String, StoredAppointment> before, Map<String, StoredAppointment> after,
            Set<String> concerned) {
        var moved = 0;
        for (var was : before.values()) {
            if (concerned.contains(was.id())) {
                continue;
            }
            var now = after.get(was.id());
            if (!List.of(now.therapistId(), now.roomId(), now.startsAt(), now.state()).equals(
                    List.of(was.therapistId(), was.roomId(), was.startsAt(), BookingState.CONFIRMED))) {
                moved++;
            }
        }
        return moved;
    }

    private long hardScore() {
        return roster.explain(MONDAY).hardScore();
    }

    /**
     * The demo MEDIUM week on its hidden roster, every session confirmed where it is. Imported over the same Monday
     * each time: the import replaces the sessions, and the therapists with the time off the sick calls gave them.
     */
    private void publishWeek() {
        new DemoTestWeek(MONDAY).importWith(weeks, json, DemoTestWeek.Bookings.ALL_CONFIRMED);
        assertThat(hardScore()).as("the published week breaks no hard rule").isZero();
    }

    private Map<String, StoredAppointment> confirmed() {
        return appointments.findByWeekStart(MONDAY).stream().filter(a -> a.state() == BookingState.CONFIRMED)
                .collect(Collectors.toMap(StoredAppointment::id, a -> a));
    }

    private Map<String, StoredAppointment> byId() {
        var all = new HashMap<String, StoredAppointment>();
        appointments.findByWeekStart(MONDAY).forEach(a -> all.put(a.id(), a));
        return all;
    }

    private static boolean overlaps(StoredAppointment appointment, LocalDateTime from, LocalDateTime to) {
        return appointment.startsAt().isBefore(to)
                && appointment.startsAt().plusMinutes(appointment.durationMinutes()).isAfter(from);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void report(List<Measured> results, List<Long> warmupMillis, int eventsPerWeek,
            List<Long> importMillis) {
        var runtime = Runtime.getRuntime();
        var out = new StringBuilder();
        out.append("%n=== Front desk repair latency, published MEDIUM week ===%n".formatted());
        out.append("machine: %d processors, max heap %d MB, Java %s (%s), %s%n".formatted(
                runtime.availableProcessors(), runtime.maxMemory() >> 20, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), ManagementFactory.getRuntimeMXBean().getInputArguments()));
        out.append("%d events measured after %d warm-up events (not counted); the week re-imported every %d events"
                .formatted(results.size(), warmupMillis.size(), eventsPerWeek)
                + " (import median %.0f ms, not counted)%n".formatted(Latencies.ofMillis(importMillis).percentile(50)));
        // A fresh JVM has not compiled the solver yet: what the first events after a start cost.
        out.append("warm-up wall times (ms), in order: %s%n".formatted(warmupMillis));
        for (var kind : Kind.values()) {
            var ofKind = results.stream().filter(measured -> measured.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            var millis = Latencies.ofMillis(ofKind.stream().map(Measured::millis).toList());
            out.append("%-12s n=%3d  %s, mean %.0f ms%n".formatted(kind, ofKind.size(), millis.summary(),
                    millis.mean()));
            var unconcerned = ofKind.stream().mapToInt(Measured::unconcernedConfirmed).sum();
            var moved = ofKind.stream().mapToInt(Measured::movedUnconcerned).sum();
            out.append("             moved although unconcerned: %d of %d confirmed (%.3f%%), in %d events%n"
                    .formatted(moved, unconcerned, 100.0 * moved / Math.max(1, unconcerned),
                            ofKind.stream().filter(measured -> measured.movedUnconcerned() > 0).count()));
            if (kind == Kind.SICK_CALL) {
                out.append("             concerned sessions: %d, kept a place on their day %d, lost it %d%n"
                        .formatted(ofKind.stream().mapToInt(Measured::concerned).sum(),
                                ofKind.stream().mapToInt(Measured::keptPlace).sum(),
                                ofKind.stream().mapToInt(Measured::lostPlace).sum()));
            }
            out.append("             hard score 0 after %d of %d events%n".formatted(
                    ofKind.stream().filter(measured -> measured.hardScore() == 0).count(), ofKind.size()));
        }
        out.append("all wall times (ms), in order: %s%n".formatted(Arrays.toString(results.stream()
                .mapToLong(Measured::millis).toArray())));
        System.out.print(out);
    }
}
