package org.spascheduler.account;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.client.StoredClient;
import org.spascheduler.security.Role;
import org.spascheduler.therapist.StoredTherapist;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.week.DemoSpaLoaded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts of a first start, so that someone can sign in at all; there is no default password.
 * <ul>
 * <li>With the demo spa (loaded into an empty database): {@code manager}, {@code desk}, one account per demo therapist
 * (username = therapist id, e.g. {@code therapist-1}) and per demo client ({@code client-1}, ...).</li>
 * <li>Without it, when no account exists once the service is ready: {@code manager} alone.</li>
 * </ul>
 * Their password is {@code spa.demo.password}; when it is not set, a random one is made and written once to the log.
 * It is hashed once and that one hash is stored for every demo account: a bcrypt per client would cost tens of seconds
 * at start-up, and the accounts share one password anyway.
 */
@Component
class FirstAccounts {

    static final String MANAGER = "manager";
    static final String DESK = "desk";
    private static final Logger LOGGER = LoggerFactory.getLogger(FirstAccounts.class);

    private final AccountRepository accounts;
    private final TherapistRepository therapists;
    private final ClientRepository clients;
    private final PasswordEncoder passwordEncoder;
    private final @Nullable String demoPassword;

    FirstAccounts(AccountRepository accounts, TherapistRepository therapists, ClientRepository clients,
            PasswordEncoder passwordEncoder, @Value("${spa.demo.password:}") @Nullable String demoPassword) {
        this.accounts = accounts;
        this.therapists = therapists;
        this.clients = clients;
        this.passwordEncoder = passwordEncoder;
        this.demoPassword = demoPassword == null || demoPassword.isEmpty() ? null : demoPassword;
    }

    @EventListener
    @Transactional
    void demoSpaLoaded(DemoSpaLoaded loaded) {
        if (accounts.count() > 0) {
            return;
        }
        var hash = hashOfThePassword("the demo accounts (manager, desk, therapist-N, client-N)");
        var now = LocalDateTime.now();
        var created = new ArrayList<StoredAccount>();
        created.add(account(MANAGER, hash, Role.MANAGER, null, null, now));
        created.add(account(DESK, hash, Role.FRONT_DESK, null, null, now));
        therapists.findAll().stream().sorted(Comparator.comparing(StoredTherapist::id))
                .forEach(t -> created.add(account(t.id(), hash, Role.THERAPIST, t.id(), null, now)));
        clients.findAll().stream().sorted(Comparator.comparing(StoredClient::id))
                .forEach(c -> created.add(account(c.id(), hash, Role.CLIENT, null, c.id(), now)));
        accounts.saveAll(created);
        LOGGER.info("Created {} demo accounts for the demo spa: manager, desk, {} therapists, {} clients.",
                created.size(), created.stream().filter(a -> a.role() == Role.THERAPIST).count(),
                created.stream().filter(a -> a.role() == Role.CLIENT).count());
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    void ready() {
        if (accounts.count() > 0) {
            return;
        }
        accounts.save(account(MANAGER, hashOfThePassword("the first manager account (manager)"), Role.MANAGER,
                null, null, LocalDateTime.now()));
    }

    private String hashOfThePassword(String forWhom) {
        var password = demoPassword;
        if (password == null) {
            var bytes = new byte[15];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            // Printed this once and never stored: set spa.demo.password to choose it instead.
            LOGGER.warn("spa.demo.password is not set: the password of {} is {} (shown only now)", forWhom,
                    password);
        } else {
            LOGGER.info("The password of {} is spa.demo.password.", forWhom);
        }
        return Objects.requireNonNull(passwordEncoder.encode(password));
    }

    private static StoredAccount account(String username, String hash, Role role, @Nullable String therapistId,
            @Nullable String clientId, LocalDateTime now) {
        return new StoredAccount("account-" + username, username, hash, role, therapistId, clientId, true, now, null);
    }
}
