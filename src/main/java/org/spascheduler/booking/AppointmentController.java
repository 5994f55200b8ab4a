package org.spascheduler.booking;

import org.spascheduler.security.Caller;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
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
        var caller = Caller.current();
        var filter = new AppointmentService.Filter(week,
                caller.ownTherapistOr("therapistId", Crud.idFilter("therapistId", therapistId)),
                Crud.idFilter("roomId", roomId), caller.ownClientOr("clientId", Crud.idFilter("clientId", clientId)),
                state);
        return service.list(filter, Crud.page(page, size));
    }

    @Operation(summary = "Read an appointment")
    @GetMapping("/{id}")
    AppointmentJson get(@PathVariable String id) {
        var appointment = service.get(id);
        Caller.current().requireVisible("appointment", "id", id, appointment.clientId(), appointment.therapistId());
        return appointment;
    }

    @Operation(summary = "Add an appointment", description = "Leave the id out to have one made up; "
            + "placement and published fields are normally written by the solver and publishing.")
    @PostMapping
    ResponseEntity<AppointmentJson> create(@Valid @RequestBody AppointmentJson appointment) {
        var created = service.create(appointment);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(created);
    }

    @Operation(summary = "Replace an appointment", description = "Send the version you read; 409 if it changed since.")
    @PutMapping("/{id}")
    AppointmentJson update(@PathVariable String id, @Valid @RequestBody AppointmentJson appointment) {
        return service.update(id, appointment);
    }

    @Operation(summary = "Delete an appointment", description = "409 once it is IN_PROGRESS or DONE.")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, @RequestParam(required = false) @Nullable Integer version) {
        service.delete(id, version);
    }
}
