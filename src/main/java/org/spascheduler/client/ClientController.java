package org.spascheduler.client;

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

@Tag(name = "Clients", description = "Clients: contact details and scheduling preferences")
@RestController
@RequestMapping(ClientController.PATH)
class ClientController {

    static final String PATH = "/api/clients";

    private final ClientService service;

    ClientController(ClientService service) {
        this.service = service;
    }

    @Operation(summary = "List clients by id, a page at a time")
    @GetMapping
    PageJson<ClientJson> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Crud.DEFAULT_PAGE_SIZE) int size) {
        return service.list(Crud.page(page, size));
    }

    @Operation(summary = "Read a client")
    @GetMapping("/{id}")
    ClientJson get(@PathVariable String id) {
        Caller.current().ownClientOr("id", id);
        return service.get(id);
    }

    @Operation(summary = "Add a client", description = "Leave the id out to have one made up.")
    @PostMapping
    ResponseEntity<ClientJson> create(@Valid @RequestBody ClientJson client) {
        var created = service.create(client);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(created);
    }

    @Operation(summary = "Replace a client", description = "Send the version you read; 409 if it changed since.")
    @PutMapping("/{id}")
    ClientJson update(@PathVariable String id, @Valid @RequestBody ClientJson client) {
        return service.update(id, client);
    }

    @Operation(summary = "Delete a client", description = "409 while care plans or appointments refer to them.")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, @RequestParam(required = false) @Nullable Integer version) {
        service.delete(id, version);
    }
}
