package org.spascheduler.spa;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Tag(name = "Spa", description = "The spa's settings: name, time zone, booking grain, opening hours, pacing rules")
@RestController
@RequestMapping("/api/spa")
class SpaController {

    private final SpaService service;

    SpaController(SpaService service) {
        this.service = service;
    }

    @Operation(summary = "Read the spa's settings", description = "404 until they are first written.")
    @GetMapping
    SpaJson get() {
        return service.get();
    }

    @Operation(summary = "Write the spa's settings",
            description = "Creates them (201) when there are none; otherwise send the version you read (409 if it "
                    + "changed since).")
    @PutMapping
    ResponseEntity<SpaJson> put(@Valid @RequestBody SpaJson spa) {
        var saved = service.put(spa);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.spa());
    }
}
