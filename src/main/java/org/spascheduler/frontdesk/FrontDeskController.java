package org.spascheduler.frontdesk;

import java.time.LocalDate;
import java.util.List;

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
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api")
@Tag(name = "Front desk", description = "What happens during the week, and the roster repaired around it")
class FrontDeskController {

    private final FrontDeskService service;
    private final CallerChecks callers;

    FrontDeskController(FrontDeskService service, CallerChecks callers) {
        this.service = service;
        this.callers = callers;
    }

    @PostMapping("/front-desk/cancellations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A client cancels a session; its time goes to the waitlist")
    FrontDeskViews.EventView cancel(@Valid @RequestBody FrontDeskRequests.Cancellation request) {
        return service.cancel(callers.cancellation(request));
    }

    @PostMapping("/front-desk/therapist-unavailable")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A therapist cannot work for a while (a sick call); their sessions move")
    FrontDeskViews.EventView therapistUnavailable(
            @Valid @RequestBody FrontDeskRequests.TherapistUnavailable request) {
        callers.therapistUnavailable(request);
        return service.therapistUnavailable(request);
    }

    @PostMapping("/front-desk/room-out-of-service")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A room cannot be used for a while; its sessions move")
    FrontDeskViews.EventView roomOutOfService(@Valid @RequestBody FrontDeskRequests.RoomOutOfService request) {
        return service.roomOutOfService(request);
    }

    @PostMapping("/front-desk/booking-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A walk-in or a phone call asks for a session; it is placed now if it fits, else waitlisted")
    FrontDeskViews.EventView bookingRequest(@Valid @RequestBody FrontDeskRequests.BookingRequest request) {
        return service.bookingRequest(request);
    }

    @PostMapping("/front-desk/releases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Let a confirmed session move")
    FrontDeskViews.EventView release(@Valid @RequestBody FrontDeskRequests.Release request) {
        return service.release(request);
    }

    @PostMapping("/front-desk/moves")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Move a session by hand to a therapist, room and time",
            description = "422 with every hard rule the move would break, in words; nothing changes then.")
    FrontDeskViews.EventView move(@Valid @RequestBody FrontDeskRequests.ManualMove request) {
        return service.manualMove(request);
    }

    @GetMapping("/weeks/{weekStart}/events")
    @Operation(summary = "The week's front-desk events, oldest first, each with every session it changed")
    List<FrontDeskViews.EventView> events(@PathVariable LocalDate weekStart) {
        if (weekStart.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            throw new InvalidRequestException("weekStart", "(%s) is not a Monday".formatted(weekStart));
        }
        return service.events(weekStart);
    }
}
