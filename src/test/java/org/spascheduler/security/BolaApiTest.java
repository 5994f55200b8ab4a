package org.spascheduler.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spascheduler.DemoTestWeek;
import org.spascheduler.SettableClock;
import org.spascheduler.TestAccounts;
import org.spascheduler.schedule.demo.DemoSize;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Broken object-level authorisation (OWASP API1): two clients with sessions and care plans in the same week, and two
 * therapists. Every id-bearing read and write of one client's records, made as the other, is refused (404, or 403 where
 * the role may not call the endpoint at all); no answer shows the other's records; nothing of theirs changes. The
 * same for a therapist and another therapist's sessions. Each client's own reads pass, so the checks are not simply
 * closed doors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BolaApiTest {

    /** Mondays of this class alone: the shared in-memory database holds every test class's weeks. */
    private static final LocalDate MONDAY =
            LocalDate.of(2052, 6, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    private static final String PREFIX = "bola-";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    TestAccounts accounts;
    @Autowired
    SettableClock clock;

    private RestClient manager;
    private final List<String> leaks = new ArrayList<>();
    private int tried;
    private int refused;

    @BeforeEach
    void twoClientsWithSessionsAndPlansInOneWeek() {
        manager = TestAccounts.manager(port);
        var demo = new DemoTestWeek(DemoSize.SMALL, MONDAY);
        demo.clockOnFridayBefore(clock);
        if (demo.importOverHttpOnce(manager, json, DemoTestWeek.Bookings.AS_GENERATED, PREFIX)) {
            demo.publishOverHttp(manager);
        }
    }

    @AfterEach
    void clockBackToNow() {
        clock.set(java.time.Clock.systemUTC());
    }

    record Client(String id, String username, String planId, List<String> sessions) {
    }

    private List<Client> clientsWithPlans() {
        var plans = json(exchange(manager, HttpMethod.GET, "/api/care-plans?size=500", null)).get("content");
        var clients = new ArrayList<Client>();
        for (var plan : plans) {
            var planId = plan.get("id").asString();
            var clientId = plan.get("clientId").asString();
            if (!planId.startsWith(PREFIX) || clients.stream().anyMatch(c -> c.id().equals(clientId))) {
                continue;
            }
            var sessions = new ArrayList<String>();
            json(exchange(manager, HttpMethod.GET,
                    "/api/appointments?size=500&week=" + MONDAY + "&clientId=" + clientId, null)).get("content").forEach(a -> sessions.add(a.get("id").asString()));
            if (!sessions.isEmpty()) {
                accounts.ensure(PREFIX + clientId, "CLIENT", null, clientId);
                clients.add(new Client(clientId, PREFIX + clientId, planId, sessions));
            }
        }
        assertThat(clients).as("two clients with a plan and sessions in the week").hasSizeGreaterThanOrEqualTo(2);
        return clients.subList(0, 2);
    }

    @Test
    void aClientReachesNoneOfAnotherClientsRecords() {
        var clients = clientsWithPlans();
        var a = clients.get(0);
        var b = clients.get(1);
        var asA = TestAccounts.as(port, a.username());
        var bPlanProgressBefore =
                exchange(manager, HttpMethod.GET, "/api/care-plans/" + b.planId() + "/progress", null);
        // A suggestion made for B (by the desk), which A must not be able to accept.
        var suggestions = json(exchange(manager, HttpMethod.POST, "/api/care-plans/" + b.planId() + "/suggestions",
                "{}"));
        @Nullable String bSuggestion = suggestions.get("plans").isEmpty() ? null
                : suggestions.get("plans").get(0).get("suggestionId").asString();

        refusedTo(asA, b, HttpMethod.GET, "/api/clients/" + b.id(), null);
        refusedTo(asA, b, HttpMethod.PUT, "/api/clients/" + b.id(), "{\"name\":\"Mallory\",\"version\":0}");
        refusedTo(asA, b, HttpMethod.DELETE, "/api/clients/" + b.id() + "?version=0", null);
        refusedTo(asA, b, HttpMethod.GET, "/api/care-plans/" + b.planId(), null);
        refusedTo(asA, b, HttpMethod.GET, "/api/care-plans?clientId=" + b.id(), null);
        refusedTo(asA, b, HttpMethod.GET, "/api/care-plans/" + b.planId() + "/progress", null);
        refusedTo(asA, b, HttpMethod.POST, "/api/care-plans/" + b.planId() + "/suggestions", "{}");
        refusedTo(asA, b, HttpMethod.PUT, "/api/care-plans/" + b.planId(), "{}");
        refusedTo(asA, b, HttpMethod.DELETE, "/api/care-plans/" + b.planId() + "?version=0", null);
        refusedTo(asA, b, HttpMethod.POST, "/api/care-plans/suggestions", """
                {"clientId":"%s","treatmentId":"relaxation","sessions":2}""".formatted(b.id()));
        if (bSuggestion != null) {
            refusedTo(asA, b, HttpMethod.POST, "/api/care-plans/suggestions/accept",
                    "{\"suggestionId\":\"%s\"}".formatted(bSuggestion));
        }
        refusedTo(asA, b, HttpMethod.POST, "/api/front-desk/slot-options", """
                {"clientId":"%s","treatmentId":"relaxation","durationMinutes":60,"windowStart":"%sT09:00",
                 "windowEnd":"%sT18:00"}""".formatted(b.id(), MONDAY.plusDays(1), MONDAY.plusDays(1)));
        refusedTo(asA, b, HttpMethod.GET, "/api/appointments?clientId=" + b.id(), null);
        refusedTo(asA, b, HttpMethod.GET, "/api/weeks/" + MONDAY + "/roster", null);
        refusedTo(asA, b, HttpMethod.GET, "/api/weeks/" + MONDAY + "/events", null);
        for (var session : b.sessions()) {
            refusedTo(asA, b, HttpMethod.GET, "/api/appointments/" + session, null);
            refusedTo(asA, b, HttpMethod.PUT, "/api/appointments/" + session, "{}");
            refusedTo(asA, b, HttpMethod.DELETE, "/api/appointments/" + session + "?version=0", null);
            refusedTo(asA, b, HttpMethod.POST, "/api/front-desk/cancellations",
                    "{\"appointmentId\":\"%s\",\"late\":false}".formatted(session));
            refusedTo(asA, b, HttpMethod.POST, "/api/front-desk/releases",
                    "{\"appointmentId\":\"%s\"}".formatted(session));
            refusedTo(asA, b, HttpMethod.POST, "/api/care-plans/" + b.planId() + "/sessions/" + session + "/cancel",
                    "{}");
            // B's session through A's own plan: the plan is A's, the session is not in it.
            refusedOrUnchanged(asA, HttpMethod.POST, "/api/care-plans/" + a.planId() + "/sessions/" + session
                    + "/cancel", "{}");
        }
        // A's lists show A's records only.
        var ownSessions = exchange(asA, HttpMethod.GET, "/api/appointments?size=500&week=" + MONDAY, null);
        var ownPlans = exchange(asA, HttpMethod.GET, "/api/care-plans?size=500", null);
        assertThat(ownSessions.status()).isEqualTo(200);
        assertThat(ownPlans.status()).isEqualTo(200);
        json(ownSessions).get("content").forEach(s -> assertThat(s.get("clientId").asString()).isEqualTo(a.id()));
        json(ownPlans).get("content").forEach(p -> assertThat(p.get("clientId").asString()).isEqualTo(a.id()));
        assertThat(json(ownSessions).get("content")).hasSize(a.sessions().size());
        // A's own records are A's to read: the refusals above are about whose they are.
        assertThat(exchange(asA, HttpMethod.GET, "/api/clients/" + a.id(), null).status()).isEqualTo(200);
        assertThat(exchange(asA, HttpMethod.GET, "/api/care-plans/" + a.planId() + "/progress", null).status())
                .isEqualTo(200);
        assertThat(exchange(asA, HttpMethod.GET, "/api/appointments/" + a.sessions().get(0), null).status())
                .isEqualTo(200);
        // Nothing of B's changed.
        assertThat(exchange(manager, HttpMethod.GET, "/api/care-plans/" + b.planId() + "/progress", null).body())
                .isEqualTo(bPlanProgressBefore.body());

        System.out.printf("BolaApiTest (client): %d calls as %s on %s's records, %d refused, %d leaks%n", tried,
                a.id(), b.id(), refused, leaks.size());
        assertThat(leaks).isEmpty();
        assertThat(refused).isEqualTo(tried);
    }

    @Test
    void aTherapistSeesOnlyTheirOwnSessions() {
        var week = json(exchange(manager, HttpMethod.GET, "/api/appointments?size=500&week=" + MONDAY, null));
        var byTherapist = new java.util.TreeMap<String, List<String>>();
        week.get("content").forEach(s -> {
            if (!s.get("therapistId").isNull() && s.get("id").asString().startsWith(PREFIX)) {
                byTherapist.computeIfAbsent(s.get("therapistId").asString(), k -> new ArrayList<>())
                        .add(s.get("id").asString());
            }
        });
        assertThat(byTherapist).hasSizeGreaterThanOrEqualTo(2);
        var mine = byTherapist.firstKey();
        var other = byTherapist.lastKey();
        accounts.ensure(PREFIX + mine, "THERAPIST", mine, null);
        var asMine = TestAccounts.as(port, PREFIX + mine);
        var otherAsClient = new Client(other, other, "", byTherapist.get(other));

        for (var session : byTherapist.get(other)) {
            refusedTo(asMine, otherAsClient, HttpMethod.GET, "/api/appointments/" + session, null);
            refusedTo(asMine, otherAsClient, HttpMethod.POST, "/api/front-desk/cancellations",
                    "{\"appointmentId\":\"%s\",\"late\":false}".formatted(session));
        }
        refusedTo(asMine, otherAsClient, HttpMethod.GET, "/api/appointments?therapistId=" + other, null);
        refusedTo(asMine, otherAsClient, HttpMethod.GET, "/api/clients?size=500", null);
        refusedTo(asMine, otherAsClient, HttpMethod.POST, "/api/front-desk/therapist-unavailable", """
                {"therapistId":"%s","startsAt":"%sT09:00","endsAt":"%sT12:00","reason":"not me"}"""
                .formatted(other, MONDAY.plusDays(2), MONDAY.plusDays(2)));

        var roster = json(exchange(asMine, HttpMethod.GET, "/api/weeks/" + MONDAY + "/roster", null));
        var seen = new ArrayList<String>();
        roster.get("groups").forEach(g -> g.get("sessions").forEach(s -> {
            seen.add(s.get("appointmentId").asString());
            assertThat(s.get("therapistId").asString()).isEqualTo(mine);
            assertThat(s.get("client").asString()).isNotBlank(); // their client's name, to greet them
        }));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(byTherapist.get(mine));
        assertThat(roster.get("unplaced")).isEmpty();
        var list = json(exchange(asMine, HttpMethod.GET, "/api/appointments?size=500&week=" + MONDAY, null));
        list.get("content").forEach(s -> assertThat(s.get("therapistId").asString()).isEqualTo(mine));

        System.out.printf("BolaApiTest (therapist): %d calls as %s on %s's sessions, %d refused, %d leaks%n", tried,
                mine, other, refused, leaks.size());
        assertThat(leaks).isEmpty();
        assertThat(refused).isEqualTo(tried);
    }

    /** Refused (404 for a record that is not the caller's, 403 for an endpoint the role may not call at all). */
    private void refusedTo(RestClient caller, Client owner, HttpMethod method, String path, @Nullable String body) {
        tried++;
        var answer = exchange(caller, method, path, body);
        if (answer.status() == 404 || answer.status() == 403) {
            refused++;
            // A 404 names the id that was asked for, nothing more: no name, no other session of theirs.
            var others = owner.sessions().stream().filter(s -> !path.contains(s) && !String.valueOf(body).contains(s))
                    .filter(answer.body()::contains).toList();
            if (!others.isEmpty()) {
                leaks.add("%s %s: %d names %s".formatted(method, path, answer.status(), others));
            }
        } else {
            leaks.add("%s %s: %d %s".formatted(method, path, answer.status(), answer.body()));
        }
    }

    /** Through the caller's own plan: refused, or at least nothing of another's is cancelled. */
    private void refusedOrUnchanged(RestClient caller, HttpMethod method, String path, String body) {
        tried++;
        var answer = exchange(caller, method, path, body);
        if (answer.status() >= 400 && answer.status() < 500) {
            refused++;
        } else {
            leaks.add("%s %s: %d %s".formatted(method, path, answer.status(), answer.body()));
        }
    }

    record Answer(int status, String body) {
    }

    private static Answer exchange(RestClient http, HttpMethod method, String path, @Nullable String body) {
        var request = http.method(method).uri(path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
                new String(response.getBody().readAllBytes())), false);
    }

    private JsonNode json(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
        return json.readTree(answer.body());
    }
}
