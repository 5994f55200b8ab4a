package org.spascheduler.frontdesk;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.spascheduler.books.BooksEvents;
import org.spascheduler.books.Cancellation;
import org.spascheduler.books.EventViews;
import org.spascheduler.books.ManualMove;
import org.spascheduler.books.Release;
import org.spascheduler.books.RoomOutOfService;
import org.spascheduler.books.SessionRequest;
import org.spascheduler.books.SpaBooks;
import org.spascheduler.books.TherapistUnavailable;
import org.spascheduler.web.Actors;
import org.spascheduler.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/** The front desk's events: each goes through the books' one write path ({@link SpaBooks}). */
@RestController
@RequestMapping("/api")
@Tag(name = "Front desk", description = "What happens during the week, and the roster repaired around it")
class FrontDeskController {

    static final String APPOINTMENTS = "/api/appointments";

    private final SpaBooks books;
    private final BooksEvents events;

    FrontDeskController(SpaBooks books, BooksEvents events) {
        this.books = books;
        this.events = events;
    }

    @PostMapping("/front-desk/cancellations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A client cancels a session; its time goes to the waitlist")
    EventViews.EventView cancel(@Valid @RequestBody Cancellation request, HttpServletRequest http) {
        return books.record(request, Actors.of(http)).event();
    }

    @PostMapping("/front-desk/therapist-unavailable")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A therapist cannot work for a while (a sick call); their sessions move")
    EventViews.EventView therapistUnavailable(@Valid @RequestBody TherapistUnavailable request,
            HttpServletRequest http) {
        return books.record(request, Actors.of(http)).event();
    }

    @PostMapping("/front-desk/room-out-of-service")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A room cannot be used for a while; its sessions move")
    EventViews.EventView roomOutOfService(@Valid @RequestBody RoomOutOfService request, HttpServletRequest http) {
        return books.record(request, Actors.of(http)).event();
    }

    @PostMapping("/front-desk/booking-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A walk-in or a phone call asks for a session; it is placed now if it fits, else waitlisted")
    EventViews.EventView bookingRequest(@Valid @RequestBody FrontDeskRequests.BookingRequest request,
            HttpServletRequest http) {
        return books.record(new SessionRequest(null, request.clientId(), request.treatmentId(),
                request.durationMinutes(), request.windowStart(), request.windowEnd(), request.reason(), APPOINTMENTS),
                Actors.of(http)).event();
    }

    @PostMapping("/front-desk/releases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Let a confirmed session move")
    EventViews.EventView release(@Valid @RequestBody Release request, HttpServletRequest http) {
        return books.record(request, Actors.of(http)).event();
    }

    @PostMapping("/front-desk/moves")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Move a session by hand to a therapist, room and time",
            description = "422 with every hard rule the move would break, in words; nothing changes then.")
    EventViews.EventView move(@Valid @RequestBody ManualMove request, HttpServletRequest http) {
        return books.record(request, Actors.of(http)).event();
    }

    @GetMapping("/weeks/{weekStart}/events")
    @Operation(summary = "The week's events (desk events, bookings, plans, edits, imports), oldest first, each with "
            + "every session it changed")
    List<EventViews.EventView> events(@PathVariable LocalDate weekStart) {
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new InvalidRequestException("weekStart", "(%s) is not a Monday".formatted(weekStart));
        }
        return events.events(weekStart);
    }
}
