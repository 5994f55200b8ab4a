package org.spascheduler.room;

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

@Tag(name = "Rooms", description = "Treatment rooms: features and times out of service")
@RestController
@RequestMapping(RoomController.PATH)
class RoomController {

    static final String PATH = "/api/rooms";

    private final RoomService service;

    RoomController(RoomService service) {
        this.service = service;
    }

    @Operation(summary = "List rooms by id, a page at a time")
    @GetMapping
    PageJson<RoomJson> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Crud.DEFAULT_PAGE_SIZE) int size) {
        return service.list(Crud.page(page, size));
    }

    @Operation(summary = "Read a room")
    @GetMapping("/{id}")
    RoomJson get(@PathVariable String id) {
        return service.get(id);
    }

    @Operation(summary = "Add a room", description = "Leave the id out to have one made up.")
    @PostMapping
    ResponseEntity<RoomJson> create(@Valid @RequestBody RoomJson room) {
        var created = service.create(room);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(created);
    }

    @Operation(summary = "Replace a room", description = "Send the version you read; 409 if it changed since.")
    @PutMapping("/{id}")
    RoomJson update(@PathVariable String id, @Valid @RequestBody RoomJson room) {
        return service.update(id, room);
    }

    @Operation(summary = "Delete a room", description = "409 while appointments are placed in it.")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, @RequestParam(required = false) @Nullable Integer version) {
        service.delete(id, version);
    }
}
