package org.spascheduler.frontdesk;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.spascheduler.booking.AppointmentJson;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.planning.ScoredWeek;
import org.spascheduler.planning.WeekLocks;
import org.spascheduler.room.RoomRepository;
import org.spascheduler.roster.RosterAfterBooking;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.web.FieldProblem;
import org.spascheduler.web.Ids;
import org.spascheduler.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolutionUpdatePolicy;

/**
 * Books an option: the session is stored confirmed, where the client was told, and the booking is recorded as a
 * front-desk event. The check that the slot is still free and the write happen under the week's lock, against the
 * week as stored then, so two desks booking the same slot at once get one booking and one 409.
 */
@Service
class SlotBookingService {

    private final SlotOptionsService options;
    private final PlanningWeeks store;
    private final AppointmentRepository appointments;
    private final TherapistRepository therapists;
    private final RoomRepository rooms;
    private final FrontDeskEventRepository events;
    private final SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;
    private final WeekLocks weekLocks;
    private final RosterAfterBooking rosterAfterBooking;
    private final TransactionTemplate transaction;

    SlotBookingService(SlotOptionsService options, PlanningWeeks store, AppointmentRepository appointments,
            TherapistRepository therapists, RoomRepository rooms, FrontDeskEventRepository events,
            SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager,
            WeekLocks weekLocks, TransactionTemplate transaction, RosterAfterBooking rosterAfterBooking) {
        this.rosterAfterBooking = rosterAfterBooking;
        this.options = options;
        this.store = store;
        this.appointments = appointments;
        this.therapists = therapists;
        this.rooms = rooms;
        this.events = events;
        this.solutionManager = solutionManager;
        this.weekLocks = weekLocks;
        this.transaction = transaction;
    }

    AppointmentJson book(SlotBookingRequest request) {
        var endsAt = request.startsAt().plusMinutes(request.durationMinutes());
        var carriesWindow = request.windowStart() != null && request.windowEnd() != null;
        var windowStart = carriesWindow ? request.windowStart() : request.startsAt();
        var windowEnd = carriesWindow ? request.windowEnd() : endsAt;
        var session = options.checkSession(request.clientId(), request.treatmentId(), request.durationMinutes(),
                windowStart, windowEnd);
        checkPlacement(request, session, endsAt);
        return weekLocks.withWeek(session.weekStart(), () -> {
            var booked = transaction.execute(status -> book(request, session, endsAt, carriesWindow, windowStart,
                    windowEnd));
            rosterAfterBooking.booked(session.weekStart());
            return booked;
        });
    }

    private AppointmentJson book(SlotBookingRequest request, SlotOptionsService.Session session,
            LocalDateTime endsAt, boolean carriesWindow, LocalDateTime windowStart, LocalDateTime windowEnd) {
        {
            var week = store.storedEvenEmpty(session.weekStart());
            var booked = new StoredAppointment(Ids.generate("appointment"), request.clientId(), request.treatmentId(),
                    request.durationMinutes(), windowStart, windowEnd, session.weekStart(), BookingState.CONFIRMED,
                    false, null, request.therapistId(), request.roomId(), request.startsAt(), request.therapistId(),
                    request.roomId(), request.startsAt(), null);
            var schedule = store.solution(SlotOptionsService.withRequest(week, session.client(), booked));
            var withIt = solutionManager.update(schedule, SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
            var placed = schedule.getAppointments().stream()
                    .filter(appointment -> appointment.getId().equals(booked.id())).findFirst().orElseThrow();
            var placement = new ScoredWeek.TriedPlacement(placed.getTherapist(), placed.getRoom(),
                    placed.getStart());
            // The booking is confirmed, so pinned: the week without it is mapped apart rather than unassigned.
            var withoutIt = solutionManager.update(store.solution(week),
                    SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
            if (withIt.hardScore() < withoutIt.hardScore()) {
                var freshWindow = carriesWindow ? session
                        : options.checkSession(request.clientId(), request.treatmentId(), request.durationMinutes(),
                                request.startsAt().toLocalDate().atStartOfDay(),
                                request.startsAt().toLocalDate().plusDays(1).atStartOfDay());
                throw new SlotBookingConflictException(("%s in %s at %s is no longer free for this session: it would "
                        + "break a hard rule of the week as it stands (someone may just have booked it). Here are "
                        + "the options free now.").formatted(placement.therapist().name(), placement.room().name(),
                                request.startsAt()),
                        options.options(week, freshWindow, SlotOptionRequest.DEFAULT_COUNT));
            }
            var saved = appointments.save(booked);
            events.save(new FrontDeskEvent(null, session.weekStart(), FrontDeskEventKind.BOOKING, request.actor(),
                    request.reason(), Instant.now(), saved.id(), saved.therapistId(), saved.roomId(),
                    saved.startsAt(), endsAt, false, withIt.toString(),
                    List.of(new FrontDeskEvent.Change(saved.id(), saved.clientId(), saved.treatmentId(), null, null,
                            null, saved.therapistId(), saved.roomId(), saved.startsAt(), true, false,
                            "booked by " + request.actor())),
                    null));
            return AppointmentJson.from(saved);
        }
    }

    /** 422 for a therapist or room that does not exist, or a start outside the window or before now. */
    private void checkPlacement(SlotBookingRequest request, SlotOptionsService.Session session, LocalDateTime endsAt) {
        var problems = new ArrayList<FieldProblem>();
        if (!therapists.existsById(request.therapistId())) {
            problems.add(new FieldProblem("therapistId",
                    "(%s) is not a known therapist".formatted(request.therapistId())));
        }
        if (!rooms.existsById(request.roomId())) {
            problems.add(new FieldProblem("roomId", "(%s) is not a known room".formatted(request.roomId())));
        }
        if (request.startsAt().isBefore(session.windowStart())) {
            problems.add(new FieldProblem("startsAt", "(%s) is before the window or in the past (from %s on)"
                    .formatted(request.startsAt(), session.windowStart())));
        } else if (endsAt.isAfter(session.windowEnd())) {
            problems.add(new FieldProblem("startsAt", "(%s) leaves the session ending after the window's end (%s)"
                    .formatted(request.startsAt(), session.windowEnd())));
        }
        if (!problems.isEmpty()) {
            throw new UnprocessableException(problems);
        }
    }
}
