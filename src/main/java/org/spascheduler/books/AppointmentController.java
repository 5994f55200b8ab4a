package org.spascheduler.books;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.AppointmentJson;
import org.spascheduler.booking.BookingState;
import org.spascheduler.web.Actors;
import org.spascheduler.web.Crud;
import org.spascheduler.web.InvalidRequestException;
import org.spascheduler.web.PageJson;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

@Tag(name = "Appointments",
        description = "Sessions clients asked for and, once placed, their therapist, room and start")
@RestController
@RequestMapping(AppointmentController.PATH)
class AppointmentController {

    static final String PATH = "/api/appointments";

    private final AppointmentService service;

    AppointmentController(AppointmentService service) {
        this.service = service;
    }

    @Operation(summary = "List appointments by id, a page at a time", description = "Every filter given must match.")
    @GetMapping
    PageJson<AppointmentJson> list(
            @Parameter(description = "The Monday of the week the requested window lies in, e.g. 2026-11-30")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate week,
            @RequestParam(required = false) @Nullable String therapistId,
            @RequestParam(required = false) @Nullable String roomId,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable BookingState state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Crud.DEFAULT_PAGE_SIZE) int size) {
        if (week != null && week.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new InvalidRequestException("week",
                    "(%s) is a %s; a week is named by its Monday".formatted(week, week.getDayOfWeek()));
        }
        var filter = new AppointmentService.Filter(week, Crud.idFilter("therapistId", therapistId),
                Crud.idFilter("roomId", roomId), Crud.idFilter("clientId", clientId), state);
        return service.list(filter, Crud.page(page, size));
    }

    @Operation(summary = "Read an appointment")
    @GetMapping("/{id}")
    AppointmentJson get(@PathVariable String id) {
        return service.get(id);
    }

    @Operation(summary = "Ask for a session", description = "Leave the id out to have one made up. It is stored "
            + "REQUESTED and recorded as an event; the repair that follows places it if it fits. Its state, place, "
            + "published place, plan and version are the server's: 400 names one that is sent.")
    @PostMapping
    ResponseEntity<AppointmentJson> create(@Valid @RequestBody AppointmentJson appointment, HttpServletRequest http) {
        var created = service.create(appointment, Actors.of(http));
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(created);
    }

    @Operation(summary = "Edit what a session asks for", description = "Its client, treatment, length or window. Send "
            + "the version you read; 409 if it changed since. The server's fields (state, place, published place, "
            + "plan) may be sent back as read but not changed (400 names the field; move, release or cancel a session "
            + "with the front desk's events); the one state change accepted is IN_PROGRESS becoming DONE. 422 when its "
            + "place would break a hard rule with the change.")
    @PutMapping("/{id}")
    AppointmentJson update(@PathVariable String id, @Valid @RequestBody AppointmentJson appointment,
            HttpServletRequest http) {
        return service.update(id, appointment, Actors.of(http));
    }

    @Operation(summary = "Delete a session from the records", description = "For one entered by mistake (a client's "
            + "cancellation is POST /api/front-desk/cancellations). Recorded as an event; its time goes to the "
            + "waitlist. 409 once it is IN_PROGRESS or DONE, or when the version given is not the current one.")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, @RequestParam(required = false) @Nullable Integer version,
            HttpServletRequest http) {
        service.delete(id, version, Actors.of(http));
    }
}
