package org.spascheduler.frontdesk;

import java.net.URI;
import java.util.List;

import org.spascheduler.booking.AppointmentJson;
import org.spascheduler.web.Actors;
import org.spascheduler.web.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/front-desk")
@Tag(name = "Front desk: slot options", description = "Where one more session fits this week, and booking it")
class SlotOptionsController {

    static final String APPOINTMENTS = "/api/appointments/";

    private final SlotOptionsService options;
    private final SlotBookingService bookings;

    SlotOptionsController(SlotOptionsService options, SlotBookingService bookings) {
        this.options = options;
        this.bookings = bookings;
    }

    @PostMapping("/slot-options")
    @Operation(summary = "The best places for one new session within a window, ranked by roster quality",
            description = "Each option breaks no hard rule of the week as stored, and says in words what it means "
                    + "for the client and the therapist. The week is not solved again. 422 for an unknown client or "
                    + "treatment, a duration the treatment is not given in, or a window that spans two weeks or is "
                    + "over.")
    List<SlotOptionView> slotOptions(@Valid @RequestBody SlotOptionRequest request) {
        return options.options(request);
    }

    @PostMapping("/bookings")
    @Operation(summary = "Book an option: the session is stored confirmed where the client was told",
            description = "409 with fresh options (property options) when the slot is no longer free.")
    ResponseEntity<AppointmentJson> book(@Valid @RequestBody SlotBookingRequest request, HttpServletRequest http) {
        var booked = bookings.book(request, Actors.of(http));
        return ResponseEntity.created(URI.create(APPOINTMENTS + booked.id())).body(booked);
    }

    /** The shared 409, plus what is free now, so that the desk can offer another slot in the same breath. */
    @ExceptionHandler(SlotBookingConflictException.class)
    ResponseEntity<ProblemDetail> slotTaken(SlotBookingConflictException exception) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
        problem.setTitle("Slot taken");
        problem.setProperty("field", exception.field());
        problem.setProperty("errors", List.of(new FieldProblem(exception.field(), exception.getMessage())));
        problem.setProperty("options", exception.options());
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .body(problem);
    }
}
