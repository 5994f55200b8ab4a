package org.spascheduler.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.spascheduler.DemoTestWeek;
import org.spascheduler.SettableClock;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.books.BooksEventKind;
import org.spascheduler.books.BooksEvents;
import org.spascheduler.books.Cancellation;
import org.spascheduler.books.EventViews;
import org.spascheduler.books.ManualMove;
import org.spascheduler.books.Release;
import org.spascheduler.books.RoomOutOfService;
import org.spascheduler.books.SessionRequest;
import org.spascheduler.books.SpaBooks;
import org.spascheduler.books.TherapistUnavailable;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.client.StoredClient;
import org.spascheduler.roster.RosterWeekService;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.UnprocessableException;
import org.spascheduler.week.WeekService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.json.JsonMapper;

/**
 * Each front-desk event on a published MEDIUM week (the demo's hidden roster, every session confirmed): what must move
 * moved, every confirmed session the event did not concern stayed exactly where it was, the roster breaks no hard
 * rule, and the event log says so. Each test uses its own week of the shared database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FrontDeskScenarioTest {

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
    private SettableClock clock;
    @Autowired
    private ClientRepository clients;
    @Autowired
    private JsonMapper json;

    @Test
    void aSickTherapistsSessionsMoveAndNothingElseDoes() {
        var monday = publishedWeek(LocalDate.of(2035, 1, 1));
        var day = monday.plusDays(2);
        var sick = busiestTherapistOn(monday, day);
        var before = confirmed(monday);
        var concerned = sessionsOf(monday, a -> sick.equals(a.therapistId()) && onDay(a, day));

        var event = books.record(new TherapistUnavailable(sick, day.atStartOfDay(), day.plusDays(1).atStartOfDay(),
                "flu"), "desk-1").event();

        assertThat(concerned).isNotEmpty();
        var after = byId(monday);
        for (var id : concerned) {
            var moved = after.get(id);
            assertThat(moved.therapistId()).as(id).isNotEqualTo(moved.isPlaced() ? sick : "nobody");
            if (moved.isPlaced()) {
                assertThat(moved.startsAt().toLocalDate()).as("%s stays on its day", id).isEqualTo(day);
                assertThat(moved.state()).isEqualTo(BookingState.CONFIRMED);
                assertThat(moved.publishedStartsAt()).isEqualTo(moved.startsAt());
            }
        }
        assertUnconcernedStayed(before, after, concerned);
        assertThat(event.changed()).extracting(EventViews.ChangeView::appointmentId)
                .containsExactlyInAnyOrderElementsOf(concerned);
        assertThat(event.toCall()).hasSize(concerned.size());
        assertThat(event.changed()).allSatisfy(change -> assertThat(change.why()).contains("is unavailable (flu)"));
        assertFeasible(monday);
        assertThat(eventLog.events(monday)).extracting(EventViews.EventView::id).contains(event.id());
    }

    @Test
    void aCancellationChangesNoOtherPromise() {
        var monday = publishedWeek(LocalDate.of(2035, 1, 8));
        var before = confirmed(monday);
        var cancelled = before.keySet().stream().sorted().findFirst().orElseThrow();

        var event = books.record(new Cancellation(cancelled, true, "ill", null), "desk-1").event();

        assertThat(appointments.findById(cancelled).orElseThrow().state()).isEqualTo(BookingState.CANCELLED);
        assertThat(event.late()).isTrue();
        assertUnconcernedStayed(before, byId(monday), List.of(cancelled));
        assertThat(event.toCall()).isEmpty();
        assertFeasible(monday);
    }

    @Test
    void timeACancellationFreesGoesFirstToAChronicClientWaitingForIt() {
        var monday = publishedWeek(LocalDate.of(2035, 2, 12));
        var before = confirmed(monday);
        var freed = before.values().stream().filter(a -> a.treatmentId().equals("trigger-point"))
                .filter(a -> a.carePlanId() == null)
                .min(Comparator.comparing(StoredAppointment::startsAt)).orElseThrow();
        clients.save(new StoredClient("waiting-chronic", "Hana Sato", null, null, true, Set.of(), Set.of(),
                List.of(), null));
        clients.save(new StoredClient("waiting-new", "Tom Berger", null, null, false, Set.of(), Set.of(),
                List.of(), null));
        // Both wait for exactly the time the cancelled session will free. Were they equal, the one with the later id
        // would be placed first: the new client's, so only the chronic client's priority can win it the time.
        var chronicRequest = waiting("waiting-a", "waiting-chronic", freed);
        var newRequest = waiting("waiting-z", "waiting-new", freed);

        books.record(new Cancellation(freed.id(), false, null, null), "desk-1").event();

        assertThat(appointments.findById(chronicRequest).orElseThrow().isPlaced()).as("the chronic client's request")
                .isTrue();
        assertThat(appointments.findById(newRequest).orElseThrow().isPlaced()).as("the new client's request").isFalse();
        assertFeasible(monday);
    }

    @Test
    void ofTwoDesksActingOnOneSessionAtOnceOneWinsAndTheOtherIsToldNothingIsLost() throws Exception {
        var monday = publishedWeek(LocalDate.of(2035, 2, 19));
        var session = confirmed(monday).values().stream().min(Comparator.comparing(StoredAppointment::id))
                .orElseThrow();
        var version = session.version();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var cancel = pool.submit(() -> {
                start.await();
                return books.record(new Cancellation(session.id(), false, null, version), "desk-1").event();
            });
            var release = pool.submit(() -> {
                start.await();
                return books.record(new Release(session.id(), null, version), "desk-2").event();
            });
            start.countDown();
            var outcomes = new java.util.ArrayList<Object>();
            for (var action : List.of(cancel, release)) {
                try {
                    outcomes.add(action.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }

            assertThat(outcomes).filteredOn(EventViews.EventView.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(Throwable.class::isInstance).singleElement()
                    .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
            assertThat(eventLog.events(monday)).filteredOn(event -> event.kind() != BooksEventKind.WEEK_IMPORT)
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRepairInTheMiddleOfTheWeekPlacesNothingInThePast() {
        var monday = publishedWeek(LocalDate.of(2035, 2, 26));
        var wednesday = monday.plusDays(2);
        var now = wednesday.atTime(13, 0);
        clock.set(Clock.fixed(now.atZone(java.time.ZoneId.of("Europe/Amsterdam")).toInstant(), ZoneOffset.UTC));
        try {
            var sick = busiestTherapistOn(monday, wednesday);
            var client = confirmed(monday).values().iterator().next().clientId();
            var walkIn = books.record(new SessionRequest(null, client, "relaxation", 30, monday.atStartOfDay(),
                    monday.plusDays(7).atStartOfDay(), "any time", "/api/appointments"),
                    "desk-1").event().appointmentId();
            assertThat(appointments.findById(walkIn).orElseThrow().startsAt()).as("placed from now on")
                    .isNotNull().isAfterOrEqualTo(now);
            var tooLate = books.record(new SessionRequest(null, client, "relaxation", 30, monday.atStartOfDay(),
                    wednesday.atTime(13, 15), "by Wednesday lunch", "/api/appointments"),
                    "desk-1").event().appointmentId();
            assertThat(appointments.findById(tooLate).orElseThrow().isPlaced()).as("only the past would fit")
                    .isFalse();
            var event = books.record(new TherapistUnavailable(sick, now, wednesday.plusDays(1).atStartOfDay(),
                    "went home ill"), "desk-1").event();

            assertThat(event.changed()).allSatisfy(change -> {
                if (change.kept()) {
                    assertThat(change.to().startsAt()).as(change.appointmentId()).isAfterOrEqualTo(now);
                }
            });
            var placedWalkIn = appointments.findById(walkIn).orElseThrow();
            if (placedWalkIn.isPlaced()) {
                assertThat(placedWalkIn.startsAt()).isAfterOrEqualTo(now);
            }
            assertThat(event.changed()).isNotEmpty();
        } finally {
            clock.set(Clock.systemUTC());
        }
    }

    @Test
    void aRoomOutOfServiceMovesOnlyItsSessions() {
        var monday = publishedWeek(LocalDate.of(2035, 1, 15));
        var day = monday.plusDays(1);
        var before = confirmed(monday);
        var room = before.values().stream().filter(a -> onDay(a, day)).map(StoredAppointment::roomId).findFirst()
                .orElseThrow();
        var from = day.atTime(12, 0);
        var concerned = sessionsOf(monday, a -> room.equals(a.roomId()) && a.startsAt().isBefore(from.plusHours(4))
                && a.startsAt().plusMinutes(a.durationMinutes()).isAfter(from));

        var event = books.record(new RoomOutOfService(room, from, from.plusHours(4), "heater broke"), "desk-2").event();

        var after = byId(monday);
        concerned.forEach(id -> assertThat(after.get(id).roomId()).as(id).isNotEqualTo(room));
        assertUnconcernedStayed(before, after, concerned);
        assertThat(event.changed()).extracting(EventViews.ChangeView::appointmentId)
                .containsExactlyInAnyOrderElementsOf(concerned);
        assertFeasible(monday);
    }

    @Test
    void aWalkInIsPlacedAroundThePromisesOrWaitlisted() {
        var monday = publishedWeek(LocalDate.of(2035, 1, 22));
        var before = confirmed(monday);
        var client = before.values().iterator().next().clientId();

        var event = books.record(new SessionRequest(null, client, "relaxation", 60, monday.plusDays(3).atTime(9, 0),
                monday.plusDays(3).atTime(21, 0), "walk-in", "/api/appointments"), "desk-1").event();

        assertUnconcernedStayed(before, byId(monday), List.of());
        assertThat(appointments.findById(event.appointmentId()).orElseThrow().state())
                .isEqualTo(BookingState.REQUESTED);
        assertFeasible(monday);
    }

    @Test
    void aManualMoveThatBreaksAHardRuleIsRefusedInWordsAndChangesNothing() {
        var monday = publishedWeek(LocalDate.of(2035, 1, 29));
        var before = confirmed(monday);
        var sessions = before.values().stream().sorted(Comparator.comparing(StoredAppointment::startsAt)).toList();
        var moved = sessions.get(0);
        var other = sessions.stream().filter(a -> !a.therapistId().equals(moved.therapistId())
                && !a.roomId().equals(moved.roomId())).findFirst().orElseThrow();

        // Onto another session's therapist at that session's time: a therapist in two places at once.
        var refused = catchThrowableOfType(UnprocessableException.class,
                () -> books.record(new ManualMove(moved.id(), other.therapistId(), moved.roomId(), other.startsAt(),
                        null, null), "desk-1"));

        assertThat(refused.problems()).anySatisfy(problem -> assertThat(problem.reason())
                .contains("Therapist conflict"));
        assertUnconcernedStayed(before, byId(monday), List.of());
        assertThat(eventLog.events(monday)).extracting(EventViews.EventView::kind)
                .containsExactly(BooksEventKind.WEEK_IMPORT);
    }

    @Test
    void unknownSessionsAndThePastAreRefused() {
        var monday = publishedWeek(LocalDate.of(2035, 2, 5));
        var before = confirmed(monday);

        assertThat(catchThrowableOfType(NotFoundException.class,
                () -> books.record(new Cancellation("no-such-session", false, null, null), "desk-1").event()).field())
                .isEqualTo("appointmentId");
        var farFuture = LocalDate.of(200_000, 1, 3).atStartOfDay();
        assertThat(catchThrowableOfType(UnprocessableException.class,
                () -> books.record(new TherapistUnavailable("therapist-1", farFuture, farFuture.plusDays(1), null),
                        "desk-1")).problems()).extracting(p -> p.field()).containsExactly("endsAt", "startsAt");
        clock.set(Clock.fixed(monday.plusDays(8).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        try {
            var past = catchThrowableOfType(UnprocessableException.class,
                    () -> books.record(new TherapistUnavailable("therapist-1", monday.atStartOfDay(),
                            monday.plusDays(1).atStartOfDay(), null), "desk-1"));
            assertThat(past.problems()).extracting(p -> p.field()).containsExactly("endsAt");
        } finally {
            clock.set(Clock.systemUTC());
        }
        assertUnconcernedStayed(before, byId(monday), List.of());
    }

    private String waiting(String id, String clientId, StoredAppointment freed) {
        var end = freed.startsAt().plusMinutes(freed.durationMinutes());
        return appointments.save(new StoredAppointment(id, clientId, freed.treatmentId(), freed.durationMinutes(),
                freed.startsAt(), end, freed.weekStart(), BookingState.REQUESTED, false, null, null, null, null, null,
                null, null, null)).id();
    }

    /** The demo MEDIUM week on its hidden roster, every session confirmed where it is: a published week. */
    private LocalDate publishedWeek(LocalDate monday) {
        new DemoTestWeek(monday).importWith(weeks, json, DemoTestWeek.Bookings.ALL_CONFIRMED);
        assertFeasible(monday);
        return monday;
    }

    private Map<String, StoredAppointment> confirmed(LocalDate monday) {
        var confirmed = new HashMap<String, StoredAppointment>();
        appointments.findByWeekStart(monday).stream().filter(a -> a.state() == BookingState.CONFIRMED)
                .forEach(a -> confirmed.put(a.id(), a));
        return confirmed;
    }

    private Map<String, StoredAppointment> byId(LocalDate monday) {
        var all = new HashMap<String, StoredAppointment>();
        appointments.findByWeekStart(monday).forEach(a -> all.put(a.id(), a));
        return all;
    }

    private List<String> sessionsOf(LocalDate monday, Predicate<StoredAppointment> concerned) {
        return appointments.findByWeekStart(monday).stream().filter(StoredAppointment::isPlaced).filter(concerned)
                .map(StoredAppointment::id).toList();
    }

    private String busiestTherapistOn(LocalDate monday, LocalDate day) {
        var counts = new HashMap<String, Integer>();
        appointments.findByWeekStart(monday).stream().filter(a -> a.isPlaced() && onDay(a, day))
                .forEach(a -> counts.merge(a.therapistId(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static boolean onDay(StoredAppointment appointment, LocalDate day) {
        return appointment.isPlaced() && appointment.startsAt().toLocalDate().equals(day);
    }

    private void assertFeasible(LocalDate monday) {
        var explanation = roster.explain(monday);
        assertThat(explanation.hardScore()).as(() -> explanation.constraints().stream()
                .filter(c -> c.hardScore() < 0).map(c -> c.constraint() + " " + c.matches().subList(0,
                        Math.min(3, c.matches().size()))).toList().toString()).isZero();
    }

    /** Every confirmed session the event did not concern keeps its therapist, room and time, and stays confirmed. */
    private static void assertUnconcernedStayed(Map<String, StoredAppointment> before,
            Map<String, StoredAppointment> after,
            List<String> concerned) {
        before.forEach((id, was) -> {
            if (concerned.contains(id)) {
                return;
            }
            var now = after.get(id);
            if (now.state() == BookingState.CANCELLED) {
                return;
            }
            assertThat(List.of(now.therapistId(), now.roomId(), now.startsAt(), now.state()))
                    .as("unconcerned session %s", id)
                    .isEqualTo(List.of(was.therapistId(), was.roomId(), was.startsAt(), BookingState.CONFIRMED));
        });
    }
}
