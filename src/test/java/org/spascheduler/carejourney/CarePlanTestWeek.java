package org.spascheduler.carejourney;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.spascheduler.DemoTestWeek;
import org.spascheduler.SettableClock;
import org.spascheduler.TestAccounts;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Treatment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A busy week for care plan tests: the shared demo week ({@link DemoTestWeek}) imported and published (every session
 * confirmed), with the spa's clock on the Friday before it, and the HTTP calls the tests make.
 */
final class CarePlanTestWeek {

    private final DemoTestWeek demo;
    final LocalDate monday;
    final SpaSchedule week;
    private final RestClient http;
    private final JsonMapper json;

    CarePlanTestWeek(LocalDate monday, int port, JsonMapper json) {
        this.demo = new DemoTestWeek(monday);
        this.monday = monday;
        this.week = demo.planning();
        this.http = TestAccounts.manager(port);
        this.json = json;
    }

    /**
     * Imports and publishes the week once for all the test classes that share the Spring context (and so the
     * in-memory database): each import costs several seconds.
     */
    void importAndPublishOnce() {
        if (demo.importOverHttpOnce(http, json, DemoTestWeek.Bookings.AS_GENERATED, "plans-" + monday + "-")) {
            demo.publishOverHttp(http);
        }
    }

    /** Imports and publishes the week; the ids of its appointments and care plans get the prefix. */
    void importAndPublish(String idPrefix) {
        demo.importOverHttp(http, json, DemoTestWeek.Bookings.AS_GENERATED, idPrefix);
        demo.publishOverHttp(http);
    }

    void clockAt(SettableClock clock, LocalDateTime now) {
        DemoTestWeek.clockAt(clock, now);
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
