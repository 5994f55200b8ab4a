package org.spascheduler.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.spascheduler.booking.AppointmentJson;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.roster.RosterJobService;
import org.spascheduler.roster.RosterJobStatus;
import org.spascheduler.roster.RosterWeekService;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.week.DemoWeekDocuments;
import org.spascheduler.week.WeekDocument;
import org.spascheduler.week.WeekService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Front-desk events sent, all at once, while a roster job solves the week: the job takes each of them in as a problem
 * change and goes on, and its final roster holds every one of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EventsWhileSolvingTest {

    private static final LocalDate MONDAY = LocalDate.of(2035, 6, 4);

    @Autowired
    private FrontDeskService frontDesk;
    @Autowired
    private RosterJobService jobs;
    @Autowired
    private WeekService weeks;
    @Autowired
    private AppointmentRepository appointments;
    @Autowired
    private RosterWeekService roster;
    @Autowired
    private SlotOptionsService slotOptions;
    @Autowired
    private SlotBookingService bookings;

    @Test
    void everyEventSentWhileAJobSolvesIsInItsFinalRoster() throws Exception {
        importHalfConfirmedWeek();
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
        List<Callable<FrontDeskViews.EventView>> events = List.of(
                () -> frontDesk.cancel(new FrontDeskRequests.Cancellation(cancelled.id(), false, "desk-1", null,
                        null)),
                () -> frontDesk.release(new FrontDeskRequests.Release(released.id(), "desk-2", "client asked",
                        null)),
                () -> frontDesk.therapistUnavailable(new FrontDeskRequests.TherapistUnavailable(sick,
                        sickDay.atStartOfDay(), sickDay.plusDays(1).atStartOfDay(), "desk-3", "flu")),
                () -> frontDesk.roomOutOfService(new FrontDeskRequests.RoomOutOfService(closedRoom, closedFrom,
                        closedFrom.plusHours(4), "desk-4", "heater broke")),
                () -> frontDesk.bookingRequest(new FrontDeskRequests.BookingRequest(cancelled.clientId(),
                        "relaxation", 60, walkInDay.atTime(9, 0), walkInDay.atTime(21, 0), "desk-1", "walk-in")));
        var booking = desks.submit(() -> {
            go.await();
            return bookings.book(new SlotBookingRequest(released.clientId(), "relaxation", 60, option.therapistId(),
                    option.roomId(), option.startsAt(), "desk-2", "phone call", null, null));
        });
        var answers = new ArrayList<java.util.concurrent.Future<FrontDeskViews.EventView>>();
        try {
            for (var event : events) {
                answers.add(desks.submit(() -> {
                    go.await();
                    return event.call();
                }));
            }
            go.countDown();
            var views = new ArrayList<FrontDeskViews.EventView>();
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
            stopOnceFeasible(job.id());

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
            assertThat(frontDesk.events(MONDAY)).hasSize(events.size() + (booked == null ? 0 : 1));
            assertThat(jobs.status(job.id()).status()).isEqualTo(RosterJobStatus.STOPPED);
            var explanation = roster.explain(MONDAY);
            assertThat(explanation.hardScore()).as(() -> explanation.constraints().stream()
                    .filter(c -> c.hardScore() < 0).map(c -> c.constraint()).toList().toString()).isZero();
        } finally {
            desks.shutdownNow();
        }
    }

    /** The demo's MEDIUM week with every other placed session confirmed where its hidden roster has it. */
    private void importHalfConfirmedWeek() {
        var document = DemoWeekDocuments.of(DemoSpaGenerator.generateWithHiddenRoster(DemoSize.MEDIUM,
                DemoSpaGenerator.DEFAULT_SEED, MONDAY));
        var sessions = new ArrayList<AppointmentJson>();
        var index = 0;
        for (var a : document.appointments()) {
            var confirm = a.startsAt() != null && index++ % 2 == 0;
            sessions.add(confirm
                    ? new AppointmentJson(a.id(), a.clientId(), a.treatmentId(), a.durationMinutes(), a.windowStart(),
                            a.windowEnd(), null, BookingState.CONFIRMED, false, a.carePlanId(), a.therapistId(),
                            a.roomId(), a.startsAt(), a.therapistId(), a.roomId(), a.startsAt(), null)
                    : new AppointmentJson(a.id(), a.clientId(), a.treatmentId(), a.durationMinutes(), a.windowStart(),
                            a.windowEnd(), null, BookingState.REQUESTED, false, a.carePlanId(), null, null, null,
                            null, null, null, null));
        }
        weeks.importWeek(new WeekDocument(MONDAY, document.spa(), document.treatments(), document.therapists(),
                document.rooms(), document.clients(), document.carePlans(), sessions, null));
    }

    /**
     * Lets the job solve on for a few store intervals after the last event, until its stored best roster breaks no
     * hard rule and places every session, then stops it (it stores its final roster): however slow the machine,
     * every event reached a running job.
     */
    private void stopOnceFeasible(long jobId) throws InterruptedException {
        var settled = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            var status = jobs.status(jobId);
            if (System.nanoTime() > settled && status.hardScore() != null && status.hardScore() == 0
                    && status.mediumScore() != null && status.mediumScore() == 0) {
                break;
            }
            Thread.sleep(200);
        }
        jobs.stop(jobId);
        // Ending takes a last clearing of rule breakers and a store: give it time of its own after the deadline.
        var ended = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jobs.status(jobId).status() == RosterJobStatus.SOLVING && System.nanoTime() < ended) {
            Thread.sleep(100);
        }
    }

    private static boolean overlaps(StoredAppointment a, LocalDateTime from, LocalDateTime until) {
        return a.startsAt().isBefore(until) && a.startsAt().plusMinutes(a.durationMinutes()).isAfter(from);
    }
}
