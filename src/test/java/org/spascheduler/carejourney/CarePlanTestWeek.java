package org.spascheduler.carejourney;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.spascheduler.SettableClock;
import org.spascheduler.frontdesk.DemoWeekImport;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Treatment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A busy week for care plan tests: the demo MEDIUM week placed as its hidden roster, imported and published (every
 * session confirmed), with the spa's clock on the Friday before it, and the HTTP calls the tests make.
 */
final class CarePlanTestWeek {

    private static final Set<LocalDate> IMPORTED = ConcurrentHashMap.newKeySet();

    final LocalDate monday;
    final SpaSchedule week;
    private final RestClient http;
    private final JsonMapper json;

    CarePlanTestWeek(LocalDate monday, int port, JsonMapper json) {
        this.monday = monday;
        this.week = DemoSpaGenerator.generateWithHiddenRoster(DemoSize.MEDIUM, DemoSpaGenerator.DEFAULT_SEED, monday);
        this.http = RestClient.create("http://localhost:" + port);
        this.json = json;
    }

    /**
     * Imports and publishes the week once for all the test classes that share the Spring context (and so the
     * in-memory database): each import costs several seconds.
     */
    void importAndPublishOnce() {
        if (IMPORTED.add(monday)) {
            importAndPublish("plans-" + monday + "-");
        }
    }

    /** Imports and publishes the week; the ids of its appointments and care plans get the prefix. */
    void importAndPublish(String idPrefix) {
        DemoWeekImport.importWeek(http, json, week, idPrefix);
        assertThat(post("/api/weeks/" + monday + "/publish", "{}").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    void clockAt(SettableClock clock, LocalDateTime now) {
        clock.set(Clock.fixed(now.toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    Treatment treatment(String name) {
        return week.getTreatments().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    ResponseEntity<String> post(String path, String body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange(
                (request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders()).body(new String(response.getBody().readAllBytes())),
                false);
    }

    ResponseEntity<String> get(String path) {
        return http.get().uri(path).exchange(
                (request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders()).body(new String(response.getBody().readAllBytes())),
                false);
    }

    JsonNode ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isIn(HttpStatus.OK, HttpStatus.CREATED);
        return json.readTree(response.getBody());
    }

    /** The first offending field of a 4xx problem answer, with its status. */
    String problemField(ResponseEntity<String> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        return json.readTree(response.getBody()).get("field").asString();
    }

    PlanSuggestionsView suggestions(String body) {
        return json.readValue(ok(post("/api/care-plans/suggestions", body)).toString(), PlanSuggestionsView.class);
    }

    static List<JsonNode> list(JsonNode array) {
        var list = new ArrayList<JsonNode>();
        array.forEach(list::add);
        return list;
    }
}
