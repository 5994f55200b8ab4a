package org.spascheduler.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.week.DemoWeekDocuments;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generated demo week, placed as its hidden roster, imported through the API. The Spring tests share one in-memory
 * database and the demo's appointment and care plan ids repeat in every demo week, so each test class imports into a
 * week of its own with ids of its own.
 */
public final class DemoWeekImport {

    private DemoWeekImport() {
    }

    public static void importWeek(RestClient http, JsonMapper json, SpaSchedule week, String idPrefix) {
        var document = (ObjectNode) json.valueToTree(DemoWeekDocuments.of(week));
        document.get("carePlans").forEach(plan -> ((ObjectNode) plan).put("id", idPrefix + plan.get("id").asString()));
        document.get("appointments").forEach(appointment -> {
            var node = (ObjectNode) appointment;
            node.put("id", idPrefix + node.get("id").asString());
            if (node.hasNonNull("carePlanId")) {
                node.put("carePlanId", idPrefix + node.get("carePlanId").asString());
            }
        });
        var status = http.post().uri("/api/weeks/import").contentType(MediaType.APPLICATION_JSON)
                .body(document.toString()).exchange((request, response) -> response.getStatusCode(), false);
        assertThat(status).isIn(HttpStatus.CREATED, HttpStatus.OK);
    }
}
