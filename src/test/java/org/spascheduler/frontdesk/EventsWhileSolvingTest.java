package org.spascheduler.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.spascheduler.DemoTestWeek;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.books.BooksEventKind;
import org.spascheduler.books.BooksEvents;
import org.spascheduler.books.Cancellation;
import org.spascheduler.books.EventViews;
import org.spascheduler.books.Release;
import org.spascheduler.books.RoomOutOfService;
import org.spascheduler.books.SessionRequest;
import org.spascheduler.books.SpaBooks;
import org.spascheduler.books.TherapistUnavailable;
import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.roster.RosterJob;
import org.spascheduler.roster.RosterJobService;
import org.spascheduler.roster.RosterJobStatus;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.week.WeekService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Front-desk events sent, all at once, while a roster job solves the week: the job takes each of them in as a problem
 * change and goes on, and its final roster holds every one of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EventsWhileSolvingTest {

    private static final LocalDate MONDAY = LocalDate.of(2035, 6, 4);

    @Autowired
    private SpaBooks books;

    @Autowired
    private BooksEvents eventLog;
    @Autowired
    private RosterJobService jobs;
    @Autowired
    private WeekService weeks;
    @Autowired
    private AppointmentRepository appointments;
    @Autowired
    private PlanningWeeks planningWeeks;
    @Autowired
    private SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;
    @Autowired
    private SlotOptionsService slotOptions;
    @Autowired
    private SlotBookingService bookings;
    @Autowired
    private JsonMapper json;

    @Test
    void everyEventSentWhileAJobSolvesIsInItsFinalRoster() throws Exception {
        // The demo's MEDIUM week with every other placed session confirmed where its hidden roster has it.
        new DemoTestWeek(MONDAY).importWith(weeks, json, DemoTestWeek.Bookings.EVERY_OTHER_CONFIRMED);
        var confirmed = appointments.findByWeekStart(MONDAY).stream()
                .filter(a -> a.state() == BookingState.CONFIRMED)
                .sorted(Comparator.comparing(StoredAppointment::id)).toList();
        var cancelled = confirmed.get(0);
        var released = confirmed.get(1);
        var sickDay = MONDAY.plusDays(2);
        var sick = confirmed.stream().filter(a -> a.startsAt().toLocalDate().equals(sickDay))
                .map(StoredAppointment::therapistId).findFirst().orElseThrow();
        var closedFrom = MONDAY.plusDays(1).atTime(12, 0);
        var closedRoom = confirmed.stream().filter(a -> a.startsAt().toLocalDate().equals(closedFrom.toLocalDate()))
                .map(StoredAppointment::roomId).findFirst().orElseThrow();
        var walkInDay = MONDAY.plusDays(3);
        var bookingDay = MONDAY.plusDays(4);
        var option = slotOptions.options(new SlotOptionRequest(released.clientId(), "relaxation", 60,
                bookingDay.atTime(9, 0), bookingDay.atTime(21, 0), 1)).get(0);

        var job = jobs.start(MONDAY, Duration.ofMinutes(5), Duration.ofMinutes(5));
        var go = new CountDownLatch(1);
        var desks = Executors.newFixedThreadPool(6);
        List<Callable<EventViews.EventView>> events = List.of(
                () -> books.record(new Cancellation(cancelled.id(), false, null, null), "desk-1").event(),
                () -> books.record(new Release(released.id(), "client asked", null), "desk-2").event(),
                () -> books.record(new TherapistUnavailable(sick, sickDay.atStartOfDay(),
                        sickDay.plusDays(1).atStartOfDay(), "flu"), "desk-3").event(),
                () -> books.record(new RoomOutOfService(closedRoom, closedFrom, closedFrom.plusHours(4),
                        "heater broke"), "desk-4").event(),
                () -> books.record(new SessionRequest(null, cancelled.clientId(), "relaxation", 60,
                        walkInDay.atTime(9, 0), walkInDay.atTime(21, 0), "walk-in", "/api/appointments"), "desk-1")
                        .event());
        var booking = desks.submit(() -> {
            go.await();
            return bookings.book(new SlotBookingRequest(released.clientId(), "relaxation", 60, option.therapistId(),
                    option.roomId(), option.startsAt(), "phone call", null, null), "desk-2");
        });
        var answers = new ArrayList<java.util.concurrent.Future<EventViews.EventView>>();
        try {
            for (var event : events) {
                answers.add(desks.submit(() -> {
                    go.await();
                    return event.call();
                }));
            }
            go.countDown();
            var views = new ArrayList<EventViews.EventView>();
            for (var answer : answers) {
                views.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(jobs.status(job.id()).status()).as("the job solves on").isEqualTo(RosterJobStatus.SOLVING);
            assertThat(views.get(0).changed()).as("a cancellation tells nobody else").isEmpty();
            assertThat(views.subList(1, views.size())).allSatisfy(view -> assertThat(view.changed()).isNotEmpty()
                    .allSatisfy(change -> assertThat(change.why()).contains("the roster job solving the week")));
            var walkIn = views.get(4).appointmentId();
            // The job may have given the option's slot to a requested session before the booking came: then the
            // booking is refused with fresh options; otherwise the job keeps it where it was booked.
            String booked = null;
            try {
                booked = booking.get(60, TimeUnit.SECONDS).id();
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(SlotBookingConflictException.class);
            }
            stopOnceSettled(job.id(), List.of(released.id(), walkIn));

            var after = appointments.findByWeekStart(MONDAY);
            assertThat(appointments.findById(cancelled.id()).orElseThrow().state()).isEqualTo(BookingState.CANCELLED);
            assertThat(after).filteredOn(StoredAppointment::isPlaced)
                    .filteredOn(a -> a.state() != BookingState.CANCELLED)
                    .noneMatch(a -> sick.equals(a.therapistId()) && a.startsAt().toLocalDate().equals(sickDay))
                    .noneMatch(a -> closedRoom.equals(a.roomId()) && overlaps(a, closedFrom, closedFrom.plusHours(4)));
            var releasedAfter = appointments.findById(released.id()).orElseThrow();
            assertThat(releasedAfter.isPlaced()).as("the released session has a place").isTrue();
            assertThat(releasedAfter.released()).isTrue();
            assertThat(appointments.findById(walkIn).orElseThrow().isPlaced()).as("the walk-in has a place").isTrue();
            if (booked != null) {
                var bookedAfter = appointments.findById(booked).orElseThrow();
                assertThat(bookedAfter.state()).isEqualTo(BookingState.CONFIRMED);
                assertThat(bookedAfter.startsAt()).isEqualTo(option.startsAt());
                assertThat(bookedAfter.therapistId()).isEqualTo(option.therapistId());
            }
            // The week's import is its first event.
            assertThat(eventLog.events(MONDAY)).filteredOn(event -> event.kind() != BooksEventKind.WEEK_IMPORT)
                    .hasSize(events.size() + (booked == null ? 0 : 1));
            assertThat(jobs.status(job.id()).status()).isEqualTo(RosterJobStatus.STOPPED);
            // The stored roster scored from scratch. Not through the week's explanation: that also works out why each
            // session left unplaced is, which on this overfull week takes longer than the rest of the test.
            var stored = planningWeeks.solution(MONDAY);
            assertThat(solutionManager.update(stored).hardScore()).as(() -> solutionManager.analyze(stored)
                    .constraintMap().values().stream().filter(c -> c.score().hardScore() < 0)
                    .map(c -> c.constraintRef().constraintName()).toList().toString()).isZero();
        } finally {
            desks.shutdownNow();
            jobs.stop(job.id());
        }
    }

    /**
     * Lets the job solve on until a roster it stored after the events breaks no hard rule and has a place for the
     * sessions that must have one, then stops it; it stores its final roster, which the test checks. Every event
     * reached the running job before this is called, but a store may have begun before the last of them: the stores
     * take turns, so the second one from now began after every event.
     */
    private void stopOnceSettled(long jobId, List<String> mustBePlaced) {
        var storesBefore = stores(jobs.status(jobId));
        try {
            await("a roster stored after the events, breaking no hard rule, with a place for " + mustBePlaced)
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                        var status = jobs.status(jobId);
                        return stores(status) >= storesBefore + 2 && status.hardScore() != null
                                && status.hardScore() == 0 && mustBePlaced.stream().allMatch(
                                        id -> appointments.findById(id).orElseThrow().isPlaced());
                    });
        } finally {
            jobs.stop(jobId);
        }
        await("the job's end").atMost(Duration.ofSeconds(30))
                .until(() -> jobs.status(jobId).status() != RosterJobStatus.SOLVING);
    }

    /** Each store of the job's best roster writes the job again. */
    private static int stores(RosterJob job) {
        return job.version() == null ? 0 : job.version();
    }

    private static boolean overlaps(StoredAppointment a, LocalDateTime from, LocalDateTime until) {
        return a.startsAt().isBefore(until) && a.startsAt().plusMinutes(a.durationMinutes()).isAfter(from);
    }
}
