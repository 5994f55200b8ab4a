package org.spascheduler.week;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spascheduler.TestAccounts;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Weeks over real HTTP: import, export, the list of weeks, and the demo on a first start. Each test starts from an
 * empty database (the in-memory database is shared with other Spring tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WeekApiTest {

    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);
    private static final List<String> TABLES = List.of("APPOINTMENT", "CARE_PLAN", "CLIENT", "ROOM", "THERAPIST",
            "TREATMENT", "SPA");
    private static final List<String> KINDS = List.of("treatments", "therapists", "rooms", "clients", "carePlans",
            "appointments");

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private JsonMapper json;
    @Autowired
    private WeekService weeks;

    private RestClient http;

    @BeforeEach
    void setUp() {
        http = TestAccounts.manager(port);
        // Children go with their parents (ON DELETE CASCADE); parents in the order references allow.
        TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
    }

    @Test
    void importInsertsThenReplacesAndTheWeekIsListed() {
        var document = demo(DemoSize.SMALL, MONDAY);

        var first = post("/api/weeks/import", json.writeValueAsString(document));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getHeaders().getLocation()).hasToString("/api/weeks/2027-03-01/export");
        var inserted = json.readTree(first.getBody()).get("inserted");
        assertThat(inserted.get("spa").asInt()).isOne();
        assertThat(inserted.get("therapists").asInt()).isEqualTo(document.therapists().size());
        assertThat(inserted.get("appointments").asInt()).isEqualTo(document.appointments().size());
        assertThat(counts().get("APPOINTMENT")).isEqualTo(document.appointments().size());

        var again = post("/api/weeks/import", json.writeValueAsString(document));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        var replaced = json.readTree(again.getBody()).get("replaced");
        assertThat(replaced.get("clients").asInt()).isEqualTo(document.clients().size());
        assertThat(replaced.get("appointments").asInt()).isEqualTo(document.appointments().size());
        assertThat(json.readTree(again.getBody()).get("inserted").get("appointments").asInt()).isZero();

        var listed = json.readTree(get("/api/weeks").getBody());
        assertThat(listed).hasSize(1);
        var week = listed.get(0);
        assertThat(week.get("weekStart").asString()).isEqualTo("2027-03-01");
        assertThat(week.get("appointments").asInt()).isEqualTo(document.appointments().size());
        var confirmed = document.appointments().stream().filter(a -> a.state().name().equals("CONFIRMED")).count();
        assertThat(week.get("confirmed").asInt()).isEqualTo(confirmed);
        assertThat(week.get("requested").asInt()).isEqualTo(document.appointments().size() - confirmed);
        assertThat(week.get("placed").asInt()).isEqualTo(confirmed);
    }

    @Test
    void weeksAreListedInOrder() {
        weeks.importWeek(demo(DemoSize.SMALL, MONDAY.plusWeeks(1)));
        // Other ids, so that the second week does not move the first week's appointments.
        var earlier = withAppointmentIdPrefix(demo(DemoSize.SMALL, MONDAY), "early-");
        post("/api/weeks/import", earlier.toString());

        var listed = json.readTree(get("/api/weeks").getBody());

        assertThat(listed.valueStream().map(week -> week.get("weekStart").asString()))
                .containsExactly("2027-03-01", "2027-03-08");
    }

    @Test
    void aDocumentOfTheWrongShapeIsA400ListingEveryFieldAndWritesNothing() {
        weeks.importWeek(demo(DemoSize.SMALL, MONDAY));
        var before = counts();
        var exportedBefore = get("/api/weeks/2027-03-01/export").getBody();
        var document = (ObjectNode) json.valueToTree(demo(DemoSize.SMALL, MONDAY.plusWeeks(1)));
        ((ObjectNode) document.get("therapists").get(1)).put("name", "");
        ((ArrayNode) document.get("treatments").get(0).get("durationsMinutes")).set(0, -5);
        ((ObjectNode) document.get("appointments").get(3)).putNull("windowStart");
        ((ObjectNode) document.get("clients").get(2)).put("email", "not an address");
        ((ObjectNode) document.get("spa")).put("grainMinutes", 0);

        var response = post("/api/weeks/import", document.toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactlyInAnyOrder("spa.grainMinutes", "treatments[0].durationsMinutes[0]",
                "therapists[1].name", "clients[2].email", "appointments[3].windowStart");
        assertThat(counts()).isEqualTo(before);
        assertThat(get("/api/weeks/2027-03-01/export").getBody()).isEqualTo(exportedBefore);
    }

    @Test
    void aFieldTheDocumentDoesNotHaveIsA400NamingItAndWritesNothing() {
        var document = (ObjectNode) json.valueToTree(demo(DemoSize.SMALL, MONDAY));
        ((ObjectNode) document.get("therapists").get(1)).put("nickname", "Annie");

        var response = post("/api/weeks/import", document.toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactly("therapists[1].nickname");
        assertThat(counts().values()).allMatch(count -> count == 0);
    }

    @Test
    void anImpossibleDocumentIsA422ListingEveryFieldAndWritesNothing() {
        weeks.importWeek(demo(DemoSize.SMALL, MONDAY));
        var before = counts();
        var weeksBefore = get("/api/weeks").getBody();
        var exportedBefore = get("/api/weeks/2027-03-01/export").getBody();
        var document = (ObjectNode) json.valueToTree(demo(DemoSize.SMALL, MONDAY.plusWeeks(1)));
        var shift = (ObjectNode) document.get("therapists").get(3).get("shifts").get(0);
        shift.put("endsAt", shift.get("startsAt").asString());
        ((ObjectNode) document.get("appointments").get(0)).put("clientId", "nobody");
        ((ObjectNode) document.get("rooms").get(1)).put("id", document.get("rooms").get(0).get("id").asString());
        var moved = (ObjectNode) document.get("appointments").get(2);
        moved.put("windowStart", "2027-03-22T09:00:00");
        moved.put("windowEnd", "2027-03-22T21:00:00");
        ((ObjectNode) document.get("carePlans").get(0).get("spacing")).put("maxDays", 0);
        ((ObjectNode) document.get("spa")).put("timeZone", "Mars/Olympus_Mons");

        var response = post("/api/weeks/import", document.toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(fields(response)).contains("spa.timeZone", "therapists[3].shifts[0].endsAt", "rooms[1].id",
                "carePlans[0].spacing.maxDays", "appointments[0].clientId", "appointments[2].windowStart");
        assertThat(counts()).isEqualTo(before);
        assertThat(get("/api/weeks").getBody()).isEqualTo(weeksBefore);
        assertThat(get("/api/weeks/2027-03-01/export").getBody()).isEqualTo(exportedBefore);
    }

    @Test
    void aDocumentMayReferToStoredRecordsItLeavesOut() {
        weeks.importWeek(demo(DemoSize.SMALL, MONDAY));
        var document = (ObjectNode) json.valueToTree(demo(DemoSize.SMALL, MONDAY.plusWeeks(1)));
        var plansOnly = withAppointmentIdPrefix(document, "later-");
        for (var kind : List.of("treatments", "therapists", "rooms", "clients", "carePlans")) {
            plansOnly.putArray(kind);
        }

        var response = post("/api/weeks/import", plansOnly.toString());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void exportingAWeekAndImportingItIntoAnEmptyDatabaseGivesTheSameWeek() {
        // SMALL keeps the test fast; the MEDIUM demo goes through the import in theDemoSpaIsLoaded... below.
        var demo = demo(DemoSize.SMALL, MONDAY);
        weeks.importWeek(demo);
        var exported = get("/api/weeks/2027-03-01/export");
        assertThat(exported.getStatusCode()).isEqualTo(HttpStatus.OK);
        // The export is the imported demo, in id order.
        assertThat(normalized(json.readTree(exported.getBody()))).isEqualTo(normalized(json.valueToTree(demo)));

        TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
        var imported = post("/api/weeks/import", exported.getBody());
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
        var exportedAgain = get("/api/weeks/2027-03-01/export");

        assertThat(withoutVersions(json.readTree(exportedAgain.getBody())))
                .isEqualTo(withoutVersions(json.readTree(exported.getBody())));
    }

    @Test
    void exportNeedsAMondayAndASpa() {
        assertThat(get("/api/weeks/2027-03-01/export").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        weeks.importWeek(demo(DemoSize.SMALL, MONDAY));

        var tuesday = get("/api/weeks/2027-03-02/export");
        var emptyWeek = get("/api/weeks/2027-03-15/export");

        assertThat(tuesday.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(tuesday.getBody()).get("field").asString()).isEqualTo("weekStart");
        assertThat(emptyWeek.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(emptyWeek.getBody()).get("appointments")).isEmpty();
        assertThat(json.readTree(emptyWeek.getBody()).get("therapists")).isNotEmpty();
    }

    @Test
    void theDemoSpaOfTheConfiguredSizeIsLoadedIntoAnEmptyDatabaseOnly() {
        var thursday = Clock.fixed(LocalDate.of(2027, 3, 4).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        var loader = new DemoSpaOnFirstStart(weeks, event -> { }, true, DemoSize.SMALL, thursday);

        assertThat(loader.loadIfEmpty()).isTrue();
        var listed = json.readTree(get("/api/weeks").getBody());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("weekStart").asString()).isEqualTo("2027-03-08");
        assertThat(listed.get(0).get("appointments").asInt()).isEqualTo(
                DemoSpaGenerator.generate(DemoSize.SMALL, DemoSpaGenerator.DEFAULT_SEED, LocalDate.of(2027, 3, 8))
                        .getAppointments().size());
        assertThat(loader.loadIfEmpty()).isFalse();
        assertThat(new DemoSpaOnFirstStart(weeks, event -> { }, false, DemoSize.SMALL, thursday).loadIfEmpty()).isFalse();
    }

    @Test
    void anExportImportsAgainUntilTheWeekChangesThenItIsA409AndChangesNothing() {
        weeks.importWeek(demo(DemoSize.SMALL, MONDAY));
        var exported = get("/api/weeks/2027-03-01/export").getBody();
        assertThat(json.readTree(exported).get("weekVersion").asString()).isNotBlank();

        assertThat(post("/api/weeks/import", exported).getStatusCode()).isEqualTo(HttpStatus.OK);
        var current = get("/api/weeks/2027-03-01/export").getBody();
        var session = json.readTree(current).get("appointments").get(0).get("id").asString();
        jdbc.sql("UPDATE APPOINTMENT SET STATE = 'CANCELLED', VERSION = VERSION + 1 WHERE ID = ?").param(session)
                .update();

        var stale = post("/api/weeks/import", current);

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fields(stale)).containsExactly("weekVersion");
        assertThat(jdbc.sql("SELECT STATE FROM APPOINTMENT WHERE ID = ?").param(session).query(String.class)
                .single()).as("the cancelled session is not revived").isEqualTo("CANCELLED");
    }

    @Test
    void promisedSessionsThatBreakAHardRuleTogetherAreA422AndNothingIsWritten() {
        var document = (ObjectNode) json.valueToTree(demo(DemoSize.SMALL, MONDAY));
        var appointments = (ArrayNode) document.get("appointments");
        var confirmed = appointments.valueStream().filter(a -> a.get("state").asString().equals("CONFIRMED"))
                .findFirst().orElseThrow();
        var copy = (ObjectNode) confirmed.deepCopy();
        copy.put("id", "double-booked");
        appointments.add(copy);

        var answer = post("/api/weeks/import", document.toString());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(fields(answer)).containsExactly("appointments");
        assertThat(json.readTree(answer.getBody()).get("detail").asString()).contains("Therapist conflict");
        assertThat(counts().get("APPOINTMENT")).isZero();
    }

    @Test
    void anImportIsOneEventOfItsWeek() {
        weeks.importWeek(demo(DemoSize.SMALL, MONDAY.plusWeeks(5)));

        var events = json.readTree(get("/api/weeks/2027-04-05/events").getBody());

        assertThat(events.valueStream().filter(event -> event.get("kind").asString().equals("WEEK_IMPORT")))
                .hasSize(1);
    }

    @Test
    void aDocumentLargerThanTheCapIsA413BeforeItIsRead() {
        var huge = "{\"weekStart\": \"2027-03-01\", \"padding\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}";

        var answer = post("/api/weeks/import", huge);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(fields(answer)).containsExactly("body");
    }

    @Test
    void moreSessionsThanAWeekMayHaveAreA422NamingThem() {
        var document = (ObjectNode) json.valueToTree(demo(DemoSize.SMALL, MONDAY));
        var appointments = (ArrayNode) document.get("appointments");
        var template = appointments.get(0);
        for (var i = appointments.size(); i <= 3000; i++) {
            appointments.add(((ObjectNode) template.deepCopy()).put("id", "many-" + i));
        }

        var answer = post("/api/weeks/import", document.toString());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(fields(answer)).containsExactly("appointments");
        assertThat(counts().get("APPOINTMENT")).isZero();
    }

    private WeekDocument demo(DemoSize size, LocalDate weekStart) {
        return DemoWeekDocuments.of(DemoSpaGenerator.generate(size, DemoSpaGenerator.DEFAULT_SEED, weekStart));
    }

    private ObjectNode withAppointmentIdPrefix(Object document, String prefix) {
        var tree = document instanceof ObjectNode node ? node : (ObjectNode) json.valueToTree(document);
        tree.get("appointments").forEach(a -> ((ObjectNode) a).put("id", prefix + a.get("id").asString()));
        return tree;
    }

    private Map<String, Integer> counts() {
        var counts = new LinkedHashMap<String, Integer>();
        TABLES.forEach(table -> counts.put(table,
                jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single()));
        return counts;
    }

    private List<String> fields(ResponseEntity<String> response) {
        var fields = new ArrayList<String>();
        json.readTree(response.getBody()).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    /** Without versions, and each kind in id order. */
    private JsonNode normalized(JsonNode document) {
        var copy = (ObjectNode) withoutVersions(document);
        for (var kind : KINDS) {
            var sorted = copy.get(kind).valueStream().sorted(Comparator.comparing(n -> n.get("id").asString()))
                    .toList();
            copy.putArray(kind).addAll(sorted);
        }
        return copy;
    }

    private JsonNode withoutVersions(JsonNode node) {
        var copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("version");
            object.remove("weekVersion");
        }
        node.forEach(WeekApiTest::strip);
    }

    private ResponseEntity<String> get(String uri) {
        return http.get().uri(uri).retrieve().onStatus(status -> true, (request, response) -> {
        }).toEntity(String.class);
    }

    private ResponseEntity<String> post(String uri, String body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .onStatus(status -> true, (request, response) -> {
                }).toEntity(String.class);
    }
}
