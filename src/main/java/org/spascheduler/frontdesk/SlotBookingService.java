package org.spascheduler.frontdesk;

import java.time.LocalDateTime;
import java.util.ArrayList;

import org.spascheduler.booking.AppointmentJson;
import org.spascheduler.booking.Placement;
import org.spascheduler.books.HardRuleBrokenException;
import org.spascheduler.books.SlotBooking;
import org.spascheduler.books.SpaBooks;
import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.room.RoomRepository;
import org.spascheduler.room.StoredRoom;
import org.spascheduler.therapist.StoredTherapist;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.web.FieldProblem;
import org.spascheduler.web.UnprocessableException;
import org.springframework.stereotype.Service;

/**
 * Books an option: the session is stored confirmed, where the client was told, through the books' one write path, which
 * checks under the week's lock that the place is still free. So two desks booking the same slot at once get one
 * booking and one 409, the second with the options free now.
 */
@Service
class SlotBookingService {

    private final SlotOptionsService options;
    private final PlanningWeeks store;
    private final TherapistRepository therapists;
    private final RoomRepository rooms;
    private final SpaBooks books;

    SlotBookingService(SlotOptionsService options, PlanningWeeks store, TherapistRepository therapists,
            RoomRepository rooms, SpaBooks books) {
        this.options = options;
        this.store = store;
        this.therapists = therapists;
        this.rooms = rooms;
        this.books = books;
    }

    AppointmentJson book(SlotBookingRequest request, String actor) {
        var endsAt = request.startsAt().plusMinutes(request.durationMinutes());
        var carriesWindow = request.windowStart() != null && request.windowEnd() != null;
        var windowStart = carriesWindow ? request.windowStart() : request.startsAt();
        var windowEnd = carriesWindow ? request.windowEnd() : endsAt;
        var session = options.checkSession(request.clientId(), request.treatmentId(), request.durationMinutes(),
                windowStart, windowEnd);
        checkPlacement(request, session, endsAt);
        try {
            return AppointmentJson.from(books.record(new SlotBooking(request.clientId(), request.treatmentId(),
                    request.durationMinutes(), windowStart, windowEnd,
                    new Placement(request.therapistId(), request.roomId(), request.startsAt()), request.reason()),
                    actor).result());
        } catch (HardRuleBrokenException taken) {
            var freshWindow = carriesWindow ? session
                    : options.checkSession(request.clientId(), request.treatmentId(), request.durationMinutes(),
                            request.startsAt().toLocalDate().atStartOfDay(),
                            request.startsAt().toLocalDate().plusDays(1).atStartOfDay());
            throw new SlotBookingConflictException(("%s in %s at %s is no longer free for this session: it would "
                    + "break a hard rule of the week as it stands (someone may just have booked it). Here are the "
                    + "options free now.").formatted(
                            therapists.findById(request.therapistId()).map(StoredTherapist::name)
                                    .orElse(request.therapistId()),
                            rooms.findById(request.roomId()).map(StoredRoom::name).orElse(request.roomId()),
                            request.startsAt()),
                    options.options(store.storedEvenEmpty(session.weekStart()), freshWindow,
                            SlotOptionRequest.DEFAULT_COUNT));
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
