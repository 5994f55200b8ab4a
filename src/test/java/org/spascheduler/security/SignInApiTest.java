package org.spascheduler.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.spascheduler.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in as the service offers it: passwords stored only as bcrypt hashes, failed sign-ins throttled, the form
 * sign-in and the session it opens protected against cross-site requests, a disabled account let in no more.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    PasswordEncoder passwordEncoder;

    private final HttpClient anonymous = HttpClient.newHttpClient();

    /** A new desk account through the manager's API; its id. */
    private String newAccount(String username, String password) throws Exception {
        var created = send(anonymous, "POST", "/api/accounts", """
                {"username":"%s","password":"%s","role":"FRONT_DESK"}""".formatted(username, password),
                TestAccounts.basic(TestAccounts.MANAGER), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(password).doesNotContain("$2a$")
                .doesNotContainIgnoringCase("password");
        return json.readTree(created.body()).get("id").asString();
    }

    @Test
    void aPasswordIsStoredOnlyAsABcryptHash() throws Exception {
        var password = "correct horse " + UUID.randomUUID();
        var id = newAccount("hash-" + UUID.randomUUID().toString().substring(0, 8), password);

        var stored = jdbc.sql("SELECT password_hash FROM account WHERE id = ?").param(id).query(String.class).single();

        assertThat(stored).startsWith("{bcrypt}$2a$10$").doesNotContain(password);
        assertThat(passwordEncoder.matches(password, stored)).isTrue();
        assertThat(passwordEncoder.matches(password + "x", stored)).isFalse();
        var listed = send(anonymous, "GET", "/api/accounts/" + id, null, TestAccounts.basic(TestAccounts.MANAGER),
                null);
        assertThat(listed.body()).doesNotContain(stored.substring(8, 20)).doesNotContain(password);
    }

    @Test
    void failedSignInsAreThrottledThenEvenTheRightPasswordWaits() throws Exception {
        var username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        var password = "the right password 123";
        newAccount(username, password);
        assertThat(me(TestAccounts.basic(username, password)).statusCode()).isEqualTo(200);

        for (var attempt = 1; attempt <= 5; attempt++) {
            var wrong = me(TestAccounts.basic(username, "wrong password " + attempt));
            assertThat(wrong.statusCode()).as("wrong password %d", attempt).isEqualTo(401);
            assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        var throttled = me(TestAccounts.basic(username, password));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(throttled.body()).contains("Too many sign-in attempts");
        // Another account from the same address is not locked out by it.
        assertThat(me(TestAccounts.basic(TestAccounts.DESK)).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownUsernameIsThrottledAsAWrongPassword() throws Exception {
        var nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (var attempt = 1; attempt <= 5; attempt++) {
            assertThat(me(TestAccounts.basic(nobody, "guess " + attempt)).statusCode()).isEqualTo(401);
        }
        assertThat(me(TestAccounts.basic(nobody, "guess 6")).statusCode()).isEqualTo(429);
    }

    @Test
    void theFormSignInAndItsSessionNeedTheCsrfToken() throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        // A first request gets the XSRF-TOKEN cookie (and a 401: no one is signed in yet).
        assertThat(send(browser, "GET", "/api/accounts/me", null, null, null).statusCode()).isEqualTo(401);
        var token = cookie(browser, "XSRF-TOKEN");
        assertThat(token).isNotNull();
        var form = "username=" + TestAccounts.DESK + "&password=" + URLEncoder.encode(TestAccounts.PASSWORD,
                StandardCharsets.UTF_8);

        var forged = sendForm(browser, form, null);
        assertThat(forged.statusCode()).as("a sign-in without the token (login CSRF)").isEqualTo(403);
        assertThat(cookie(browser, "JSESSIONID")).isNull();

        var signedIn = sendForm(browser, form, token);
        assertThat(signedIn.statusCode()).isEqualTo(204);
        assertThat(cookie(browser, "JSESSIONID")).isNotNull();
        var me = send(browser, "GET", "/api/accounts/me", null, null, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("role").asString()).isEqualTo("FRONT_DESK");

        // A write riding on the session cookie alone, as a forged cross-site request would, is refused...
        var release = "{\"appointmentId\":\"no-such-session\"}";
        var withoutToken = send(browser, "POST", "/api/front-desk/releases", release, null, null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("CSRF");
        // ...and passes with the token (to the endpoint's own answer: there is no such session).
        var sessionToken = cookie(browser, "XSRF-TOKEN");
        var withToken = send(browser, "POST", "/api/front-desk/releases", release, null, sessionToken);
        assertThat(withToken.statusCode()).isNotIn(401, 403);
        // A script's Basic request carries no cookie and needs no token.
        var script = send(anonymous, "POST", "/api/front-desk/releases", release, TestAccounts.basic(TestAccounts.DESK),
                null);
        assertThat(script.statusCode()).isNotIn(401, 403);

        assertThat(send(browser, "POST", "/logout", null, null, cookie(browser, "XSRF-TOKEN")).statusCode())
                .isEqualTo(204);
        assertThat(send(browser, "GET", "/api/accounts/me", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aDisabledAccountIsLetInNoMoreNotEvenOnItsOpenSession() throws Exception {
        var username = "disabled-" + UUID.randomUUID().toString().substring(0, 8);
        var password = "a password of the desk";
        var id = newAccount(username, password);
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        send(browser, "GET", "/api/accounts/me", null, null, null);
        var form = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        assertThat(sendForm(browser, form, cookie(browser, "XSRF-TOKEN")).statusCode()).isEqualTo(204);
        assertThat(send(browser, "GET", "/api/accounts/me", null, null, null).statusCode()).isEqualTo(200);

        var disabled = send(anonymous, "PUT", "/api/accounts/" + id, "{\"enabled\":false,\"version\":0}",
                TestAccounts.basic(TestAccounts.MANAGER), null);
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

        assertThat(me(TestAccounts.basic(username, password)).statusCode()).isEqualTo(401);
        assertThat(send(browser, "GET", "/api/accounts/me", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aManagerCannotDisableTheirOwnAccountNorCreateAClientAccountWithoutItsClient() throws Exception {
        var me = json.readTree(me(TestAccounts.basic(TestAccounts.MANAGER)).body()).get("accountId").asString();
        var own = send(anonymous, "PUT", "/api/accounts/" + me, "{\"enabled\":false,\"version\":0}",
                TestAccounts.basic(TestAccounts.MANAGER), null);
        assertThat(own.statusCode()).isEqualTo(422);
        var client = send(anonymous, "POST", "/api/accounts", """
                {"username":"lonely-client","password":"a long enough one","role":"CLIENT"}""",
                TestAccounts.basic(TestAccounts.MANAGER), null);
        assertThat(client.statusCode()).isEqualTo(422);
        assertThat(client.body()).contains("clientId");
    }

    private HttpResponse<String> me(String authorization) throws Exception {
        return send(anonymous, "GET", "/api/accounts/me", null, authorization, null);
    }

    private HttpResponse<String> sendForm(HttpClient browser, String form, @Nullable String csrf) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpClient http, String method, String path, @Nullable String body,
            @Nullable String authorization, @Nullable String csrf) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static @Nullable String cookie(HttpClient browser, String name) {
        var cookies = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies();
        return cookies.stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst()
                .orElse(null);
    }
}
