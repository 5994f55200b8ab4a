package org.spascheduler.account;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.security.Role;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.web.ConflictException;
import org.spascheduler.web.Crud;
import org.spascheduler.web.FieldProblem;
import org.spascheduler.web.Ids;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.PageJson;
import org.spascheduler.web.UnprocessableException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The manager's work on accounts: create, enable or disable, set a new password. */
@Service
class AccountService {

    private final AccountRepository accounts;
    private final TherapistRepository therapists;
    private final ClientRepository clients;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock = Clock.systemDefaultZone();

    AccountService(AccountRepository accounts, TherapistRepository therapists, ClientRepository clients,
            PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.therapists = therapists;
        this.clients = clients;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional(readOnly = true)
    PageJson<AccountJson> list(Pageable page) {
        return PageJson.of(accounts.findAll(page), AccountJson::from);
    }

    @Transactional(readOnly = true)
    AccountJson get(String id) {
        return AccountJson.from(find(id));
    }

    @Transactional
    AccountJson create(AccountRequests.NewAccount request) {
        var problems = new java.util.ArrayList<FieldProblem>();
        link(request.role(), Role.THERAPIST, "therapistId", request.therapistId(), therapists::existsById, problems);
        link(request.role(), Role.CLIENT, "clientId", request.clientId(), clients::existsById, problems);
        Crud.requirePossible(problems);
        if (accounts.existsByUsername(request.username())) {
            throw new ConflictException("username", "(%s) is taken; choose another".formatted(request.username()),
                    null);
        }
        var account = new StoredAccount(Ids.generate("account"), request.username(),
                Objects.requireNonNull(passwordEncoder.encode(request.password())), request.role(),
                request.therapistId(), request.clientId(), true, LocalDateTime.now(clock), null);
        try {
            return AccountJson.from(accounts.save(account));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("username", "(%s) is taken; choose another".formatted(request.username()),
                    null);
        }
    }

    @Transactional
    AccountJson change(String id, AccountRequests.AccountChange change, String changedBy) {
        var account = find(id);
        Crud.requireCurrent(change.version(), account.version());
        if (!change.enabled() && account.id().equals(changedBy)) {
            throw new UnprocessableException("enabled", "cannot be false for your own account: another manager "
                    + "disables it, so that the spa is never left without one");
        }
        var changed = account.withEnabled(change.enabled());
        if (change.password() != null) {
            changed = changed.withPasswordHash(Objects.requireNonNull(passwordEncoder.encode(change.password())));
        }
        return AccountJson.from(accounts.save(changed));
    }

    private StoredAccount find(String id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account", "id", id));
    }

    /** A therapist's or client's account names an existing record of theirs; anyone else's names none. */
    private static void link(Role role, Role linkedRole, String field, @Nullable String id,
            java.util.function.Predicate<String> exists, List<FieldProblem> problems) {
        if (role == linkedRole && id == null) {
            problems.add(new FieldProblem(field, "is required for a %s account".formatted(role)));
        } else if (role != linkedRole && id != null) {
            problems.add(new FieldProblem(field, "must be left out for a %s account".formatted(role)));
        } else if (id != null && !exists.test(id)) {
            problems.add(new FieldProblem(field, "(%s) names no %s".formatted(id,
                    linkedRole.name().toLowerCase(java.util.Locale.ROOT))));
        }
    }
}
