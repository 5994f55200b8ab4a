package org.spascheduler.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.spascheduler.DemoTestWeek;
import org.spascheduler.booking.AppointmentJson;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.careplan.CarePlanRepository;
import org.spascheduler.careplan.StoredCarePlan;
import org.spascheduler.roster.RosterWeekService;
import org.spascheduler.web.InvalidRequestException;
import org.spascheduler.web.UnprocessableException;
import org.spascheduler.week.WeekDocument;
import org.spascheduler.week.WeekService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.json.JsonMapper;

/**
 * A confirmed session's therapist, room and time cannot be given to a second session through any write path: the
 * records API, a front-desk move or booking, a care plan, a record edit, an import, or several of them racing for a
 * freed slot. Each refusal leaves the week exactly as it was, breaking no hard rule. Each test uses its own week of
 * the shared database.
 */
@SpringBootTest
@ActiveProfiles("test")
class DoubleBookingTest {

    @Autowired
    private SpaBooks books;
    @Autowired
    private AppointmentService records;
    @Autowired
    private WeekService weeks;
    @Autowired
    private AppointmentRepository appointments;
    @Autowired
    private CarePlanRepository plans;
    @Autowired
    private RosterWeekService roster;
    @Autowired
    private JsonMapper json;

    @Test
    void noWritePathGivesATakenPlaceToASecondSession() {
        var monday = publishedWeek(LocalDate.of(2039, 1, 3));
        var taken = firstConfirmed(monday);
        var other = sessionOfAnotherTherapist(monday, taken);
        var before = appointments.findByWeekStart(monday);
        var takenPlace = taken.placement();

        var copy = AppointmentJson.from(taken);
        var posted = new AppointmentJson(null, other.clientId(), taken.treatmentId(), taken.durationMinutes(),
                taken.windowStart(), taken.windowEnd(), null, BookingState.CONFIRMED, false, null,
                taken.therapistId(), taken.roomId(), taken.startsAt(), null, null, null, null);
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> records.create(posted, "manager")).getMessage()).contains("state");
        var otherJson = AppointmentJson.from(other);
        var movedByEdit = new AppointmentJson(other.id(), other.clientId(), other.treatmentId(),
                other.durationMinutes(), other.windowStart(), other.windowEnd(), null, other.state(), false,
                other.carePlanId(), copy.therapistId(), copy.roomId(), copy.startsAt(), other.publishedTherapistId(),
                other.publishedRoomId(), other.publishedStartsAt(), other.version());
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> records.update(other.id(), movedByEdit, "manager")).getMessage()).contains("therapistId");
        assertThat(otherJson.therapistId()).isNotEqualTo(taken.therapistId());

        var moved = catchThrowableOfType(HardRuleBrokenException.class, () -> books.record(new ManualMove(other.id(),
                taken.therapistId(), other.roomId(), taken.startsAt(), "desk move", null), "desk"));
        assertThat(moved.problems()).allSatisfy(problem -> assertThat(problem.field()).isEqualTo("startsAt"));

        var booked = catchThrowableOfType(HardRuleBrokenException.class, () -> books.record(new SlotBooking(
                other.clientId(), taken.treatmentId(), taken.durationMinutes(), taken.startsAt(),
                taken.startsAt().plusMinutes(taken.durationMinutes()), takenPlace, "walk-in"), "desk"));
        assertThat(booked.weekStart()).isEqualTo(monday);

        var planId = "double-plan-" + java.util.UUID.randomUUID();
        var plan = new StoredCarePlan(planId, other.clientId(), taken.treatmentId(), 2, 2, 3, 7, 10, true, 0,
                null);
        var planned = catchThrowableOfType(HardRuleBrokenException.class, () -> books.record(new PlanBooking(plan,
                taken.durationMinutes(), List.of(takenPlace), new NoPlanRules()), "client"));
        assertThat(planned.problems()).allSatisfy(problem -> assertThat(problem.field()).isEqualTo("suggestionId"));
        assertThat(plans.existsById(planId)).isFalse();

        var overlapping = overlappingPair(monday);
        var second = overlapping.get(1);
        var clientTwice = catchThrowableOfType(HardRuleBrokenException.class, () -> books.record(new SessionEdit(
                second.id(), second.version(), overlapping.get(0).clientId(), second.treatmentId(),
                second.durationMinutes(), second.windowStart(), second.windowEnd(), second.state()), "manager"));
        assertThat(clientTwice.problems()).allSatisfy(problem -> assertThat(problem.field())
                .isEqualTo("durationMinutes"));

        var document = weeks.export(monday);
        var sessions = new ArrayList<>(document.appointments());
        sessions.add(new AppointmentJson("double-import", other.clientId(), taken.treatmentId(),
                taken.durationMinutes(), taken.windowStart(), taken.windowEnd(), null, BookingState.CONFIRMED, false,
                null, taken.therapistId(), taken.roomId(), taken.startsAt(), taken.therapistId(), taken.roomId(),
                taken.startsAt(), null));
        var imported = catchThrowableOfType(UnprocessableException.class,
                () -> weeks.importWeek(new WeekDocument(monday, document.spa(), document.treatments(),
                        document.therapists(), document.rooms(), document.clients(), document.carePlans(), sessions,
                        document.weekVersion()), "manager"));
        assertThat(imported.problems()).extracting(problem -> problem.field()).containsExactly("appointments");

        assertThat(appointments.findByWeekStart(monday)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(roster.explain(monday).hardScore()).isZero();
    }

    @Test
    void pathsRacingForAFreedSlotGiveItToOneSession() throws Exception {
        var monday = publishedWeek(LocalDate.of(2039, 1, 10));
        var freed = firstConfirmed(monday);
        books.record(new Cancellation(freed.id(), false, "ill", null), "desk");
        var place = freed.placement();
        var start = new CountDownLatch(1);
        var tries = new ArrayList<Callable<Boolean>>();
        for (var index = 0; index < 4; index++) {
            tries.add(() -> books.record(new SlotBooking(freed.clientId(), freed.treatmentId(),
                    freed.durationMinutes(), freed.windowStart(), freed.windowEnd(), place, "race"), "desk") != null);
            var planId = "race-plan-" + index + "-" + java.util.UUID.randomUUID();
            tries.add(() -> books.record(new PlanBooking(new StoredCarePlan(planId, freed.clientId(),
                    freed.treatmentId(), 1, 1, 1, 7, 10, true, 0, null), freed.durationMinutes(), List.of(place),
                    new NoPlanRules()), "client") != null);
        }
        var executor = Executors.newFixedThreadPool(tries.size());
        var won = 0;
        var refused = 0;
        try {
            var answers = tries.stream().map(attempt -> executor.submit(() -> {
                start.await();
                return attempt.call();
            })).toList();
            start.countDown();
            for (var answer : answers) {
                try {
                    answer.get(120, TimeUnit.SECONDS);
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfAny(HardRuleBrokenException.class,
                            org.spascheduler.planning.WeekBusyException.class);
                    refused++;
                }
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(won).isEqualTo(1);
        assertThat(refused).isEqualTo(tries.size() - 1);
        assertThat(appointments.findByWeekStart(monday).stream()
                .filter(session -> session.state() == BookingState.CONFIRMED && place.equals(session.placement())))
                .hasSize(1);
        assertThat(roster.explain(monday).hardScore()).isZero();
    }

    /** A plan booked as such: only the week's hard rules are checked (the care journey adds its own). */
    private static final class NoPlanRules implements PlanBooking.PlanRules {

        @Override
        public void beforeBooking(StoredCarePlan plan, int sessions) {
        }

        @Override
        public void afterBooking(StoredCarePlan plan, Set<String> booked) {
        }
    }

    private LocalDate publishedWeek(LocalDate monday) {
        new DemoTestWeek(monday).importWith(weeks, json, DemoTestWeek.Bookings.ALL_CONFIRMED);
        assertThat(roster.explain(monday).hardScore()).isZero();
        return monday;
    }

    private StoredAppointment firstConfirmed(LocalDate monday) {
        return appointments.findByWeekStart(monday).stream()
                .filter(session -> session.state() == BookingState.CONFIRMED && session.isPlaced())
                .max(Comparator.comparing(StoredAppointment::startsAt).thenComparing(StoredAppointment::id))
                .orElseThrow();
    }

    private StoredAppointment sessionOfAnotherTherapist(LocalDate monday, StoredAppointment taken) {
        return appointments.findByWeekStart(monday).stream()
                .filter(session -> session.state() == BookingState.CONFIRMED && session.isPlaced()
                        && !session.therapistId().equals(taken.therapistId())
                        && !session.clientId().equals(taken.clientId()))
                .min(Comparator.comparing(StoredAppointment::id)).orElseThrow();
    }

    /** Two confirmed sessions of different clients at overlapping times: one client cannot be at both. */
    private List<StoredAppointment> overlappingPair(LocalDate monday) {
        var placed = appointments.findByWeekStart(monday).stream()
                .filter(session -> session.state() == BookingState.CONFIRMED && session.isPlaced())
                .sorted(Comparator.comparing(StoredAppointment::id)).toList();
        for (var first : placed) {
            for (var second : placed) {
                if (!first.clientId().equals(second.clientId()) && first.startsAt().isBefore(end(second))
                        && second.startsAt().isBefore(end(first))) {
                    return List.of(first, second);
                }
            }
        }
        throw new AssertionError("no two sessions at once in the week of " + monday);
    }

    private static java.time.LocalDateTime end(StoredAppointment session) {
        return session.startsAt().plusMinutes(session.durationMinutes());
    }
}
