package org.spascheduler.therapist;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.spascheduler.security.Caller;
import org.spascheduler.security.Role;
import org.spascheduler.web.Crud;
import org.spascheduler.web.PageJson;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Tag(name = "Therapists", description = "Therapists: skills, shifts, time off and daily caps")
@RestController
@RequestMapping(TherapistController.PATH)
class TherapistController {

    static final String PATH = "/api/therapists";

    private final TherapistService service;

    TherapistController(TherapistService service) {
        this.service = service;
    }

    @Operation(summary = "List therapists by id, a page at a time, optionally only those with a skill")
    @GetMapping
    PageJson<TherapistJson> list(@RequestParam(required = false) @Nullable String skill,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Crud.DEFAULT_PAGE_SIZE) int size) {
        var caller = Caller.current();
        var therapists = service.list(skill, Crud.page(page, size));
        return new PageJson<>(therapists.content().stream().map(t -> visibleTo(caller, t)).toList(),
                therapists.page(), therapists.size(), therapists.totalElements(), therapists.totalPages());
    }

    @Operation(summary = "Read a therapist")
    @GetMapping("/{id}")
    TherapistJson get(@PathVariable String id) {
        return visibleTo(Caller.current(), service.get(id));
    }

    /**
     * What each role sees of a therapist (OWASP API3): staff and the therapist themselves everything; a colleague
     * no time off and no wishes (private); a client the first name and skills only.
     */
    static TherapistJson visibleTo(Caller caller, TherapistJson therapist) {
        if (caller.isStaff() || therapist.id() != null && therapist.id().equals(caller.therapistId())) {
            return therapist;
        }
        if (caller.is(Role.THERAPIST)) {
            return new TherapistJson(therapist.id(), therapist.name(), therapist.skills(),
                    therapist.changeoverMinutes(), therapist.maxHandsOnMinutesPerDay(),
                    therapist.maxHighLoadSessionsPerDay(), therapist.workRules(), therapist.weeklyShifts(),
                    therapist.shifts(), List.of(), List.of(), therapist.version());
        }
        var firstName = therapist.name().strip().split("\\s+")[0];
        return new TherapistJson(therapist.id(), firstName, therapist.skills(), 0, 0, 0, null, List.of(), List.of(),
                List.of(), List.of(), null);
    }

    @Operation(summary = "Add a therapist", description = "Leave the id out to have one made up.")
    @PostMapping
    ResponseEntity<TherapistJson> create(@Valid @RequestBody TherapistJson therapist) {
        var created = service.create(therapist);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(created);
    }

    @Operation(summary = "Replace a therapist", description = "Send the version you read; 409 if it changed since.")
    @PutMapping("/{id}")
    TherapistJson update(@PathVariable String id, @Valid @RequestBody TherapistJson therapist) {
        return service.update(id, therapist);
    }

    @Operation(summary = "Delete a therapist", description = "409 while clients or appointments refer to them.")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, @RequestParam(required = false) @Nullable Integer version) {
        service.delete(id, version);
    }
}
