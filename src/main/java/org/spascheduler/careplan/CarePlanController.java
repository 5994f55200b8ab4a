package org.spascheduler.careplan;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.spascheduler.security.Caller;
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

@Tag(name = "Care plans", description = "A chronic client's series of sessions of one treatment")
@RestController
@RequestMapping(CarePlanController.PATH)
class CarePlanController {

    static final String PATH = "/api/care-plans";

    private final CarePlanService service;

    CarePlanController(CarePlanService service) {
        this.service = service;
    }

    @Operation(summary = "List care plans by id, a page at a time, optionally only one client's")
    @GetMapping
    PageJson<CarePlanJson> list(@RequestParam(required = false) @Nullable String clientId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Crud.DEFAULT_PAGE_SIZE) int size) {
        var own = Caller.current().ownClientOr("clientId", Crud.idFilter("clientId", clientId));
        return service.list(own, Crud.page(page, size));
    }

    @Operation(summary = "Read a care plan")
    @GetMapping("/{id}")
    CarePlanJson get(@PathVariable String id) {
        var plan = service.get(id);
        Caller.current().requireVisible("care plan", "id", id, plan.clientId(), null);
        return plan;
    }

    @Operation(summary = "Add a care plan", description = "Leave the id out to have one made up.")
    @PostMapping
    ResponseEntity<CarePlanJson> create(@Valid @RequestBody CarePlanJson carePlan) {
        var created = service.create(carePlan);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(created);
    }

    @Operation(summary = "Replace a care plan", description = "Send the version you read; 409 if it changed since.")
    @PutMapping("/{id}")
    CarePlanJson update(@PathVariable String id, @Valid @RequestBody CarePlanJson carePlan) {
        return service.update(id, carePlan);
    }

    @Operation(summary = "Delete a care plan", description = "409 while appointments refer to it.")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, @RequestParam(required = false) @Nullable Integer version) {
        service.delete(id, version);
    }
}
