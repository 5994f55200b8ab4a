package org.spascheduler;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Accounts for the tests that call the API over HTTP, found by the component scan of every test that starts the
 * whole application: a manager and a desk, plus any client or therapist account a test asks for. Their hash is a
 * bcrypt of cost 4 (about a millisecond, where the service's own cost 10 takes about 100 ms per request with
 * Basic): the service checks any bcrypt hash whatever its cost, so only the tests' own accounts are cheaper.
 */
@Component
public class TestAccounts {

    public static final String MANAGER = "test-manager";
    public static final String DESK = "test-desk";
    public static final String PASSWORD = "test-password-1234";
    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);

    private final JdbcClient jdbc;

    TestAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void staff() {
        ensure(MANAGER, "MANAGER", null, null);
        ensure(DESK, "FRONT_DESK", null, null);
    }

    /** An account with {@link #PASSWORD}, made unless it exists; the in-memory database outlives a context. */
    public void ensure(String username, String role, @Nullable String therapistId, @Nullable String clientId) {
        jdbc.sql("""
                MERGE INTO account (id, username, password_hash, role, therapist_id, client_id, enabled, created_at,
                    version) KEY (username) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, 0)""")
                .params("account-" + username, username, HASH, role, therapistId, clientId, LocalDateTime.now())
                .update();
    }

    /** The Authorization header of HTTP Basic for one of these accounts. */
    public static String basic(String username) {
        return basic(username, PASSWORD);
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A client of the API on the port, signed in as the test manager on every request. */
    public static RestClient manager(int port) {
        return as(port, MANAGER);
    }

    public static RestClient as(int port, String username) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, basic(username)).build();
    }
}
