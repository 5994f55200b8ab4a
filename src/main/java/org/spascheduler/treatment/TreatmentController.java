package org.spascheduler.treatment;

import java.net.URI;

import org.jspecify.annotations.Nullable;
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

@Tag(name = "Treatments", description = "What the spa offers: skill, load on the therapist, durations, room features")
@RestController
@RequestMapping(TreatmentController.PATH)
class TreatmentController {

    static final String PATH = "/api/treatments";

    private final TreatmentService service;

    TreatmentController(TreatmentService service) {
        this.service = service;
    }

    @Operation(summary = "List treatments by id, a page at a time")
    @GetMapping
    PageJson<TreatmentJson> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Crud.DEFAULT_PAGE_SIZE) int size) {
        return service.list(Crud.page(page, size));
    }

    @Operation(summary = "Read a treatment")
    @GetMapping("/{id}")
    TreatmentJson get(@PathVariable String id) {
        return service.get(id);
    }

    @Operation(summary = "Add a treatment", description = "Leave the id out to have one made up.")
    @PostMapping
    ResponseEntity<TreatmentJson> create(@Valid @RequestBody TreatmentJson treatment) {
        var created = service.create(treatment);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(created);
    }

    @Operation(summary = "Replace a treatment", description = "Send the version you read; 409 if it changed since.")
    @PutMapping("/{id}")
    TreatmentJson update(@PathVariable String id, @Valid @RequestBody TreatmentJson treatment) {
        return service.update(id, treatment);
    }

    @Operation(summary = "Delete a treatment", description = "409 while care plans or appointments refer to it.")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, @RequestParam(required = false) @Nullable Integer version) {
        service.delete(id, version);
    }
}
