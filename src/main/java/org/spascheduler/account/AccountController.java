package org.spascheduler.account;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.spascheduler.security.Caller;
import org.spascheduler.security.Role;
import org.spascheduler.web.Crud;
import org.spascheduler.web.PageJson;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Tag(name = "Accounts", description = "Who may sign in, with which role; the signed-in caller")
@RestController
@RequestMapping(AccountController.PATH)
class AccountController {

    static final String PATH = "/api/accounts";

    private final AccountService service;

    AccountController(AccountService service) {
        this.service = service;
    }

    @Operation(summary = "The signed-in account: username, role and the therapist or client record it is linked to")
    @GetMapping("/me")
    Me me() {
        var caller = Caller.current();
        return new Me(caller.accountId(), caller.username(), caller.role(), caller.therapistId(), caller.clientId());
    }

    /** The signed-in caller, for a web app to know whom it shows. */
    record Me(String accountId, String username, Role role, @Nullable String therapistId, @Nullable String clientId) {
    }

    @Operation(summary = "List accounts by id, a page at a time")
    @GetMapping
    PageJson<AccountJson> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Crud.DEFAULT_PAGE_SIZE) int size) {
        return service.list(Crud.page(page, size));
    }

    @Operation(summary = "Read an account")
    @GetMapping("/{id}")
    AccountJson get(@PathVariable String id) {
        return service.get(id);
    }

    @Operation(summary = "Create an account", description = "A THERAPIST account names its therapistId, a CLIENT "
            + "account its clientId; the password (12 to 128 characters) is stored only as a bcrypt hash. 409 when "
            + "the username is taken.")
    @PostMapping
    ResponseEntity<AccountJson> create(@Valid @RequestBody AccountRequests.NewAccount request) {
        var created = service.create(request);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(created);
    }

    @Operation(summary = "Enable or disable an account, or give it a new password",
            description = "Send the version you read; 409 if it changed since. A disabled account cannot sign in, "
                    + "and its open sessions are refused from its next request.")
    @PutMapping("/{id}")
    AccountJson change(@PathVariable String id, @Valid @RequestBody AccountRequests.AccountChange change) {
        return service.change(id, change, Caller.current().accountId());
    }
}
