package org.spascheduler.web;

import org.spascheduler.spa.Spa;
import org.spascheduler.spa.SpaRepository;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict input, over real HTTP (issue 12, item 6): bodies are JSON only, a field the request does not declare is a 400
 * naming it, answers are JSON, and the error page is no endpoint. Every refusal is problem+json naming the field and
 * writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StrictInputApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private SpaRepository spas;

    @LocalServerPort
    private int port;

    private RestClient http;
    private String unique;

    record Reply(int status, @Nullable String contentType, String text, HttpHeaders headers) {

        JsonNode body() {
            return JSON.readTree(text);
        }

        String field() {
            return body().get("field").asString();
        }

        /** A problem answer naming the field, in its {@code field} and first {@code errors} entry. */
        Reply assertProblem(int expectedStatus, String expectedField) {
            assertThat(status).as(text).isEqualTo(expectedStatus);
            assertThat(MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as("problem+json: %s", contentType).isTrue();
            assertThat(field()).isEqualTo(expectedField);
            assertThat(body().get("errors").get(0).get("field").asString()).isEqualTo(expectedField);
            return this;
        }
    }

    @BeforeEach
    void setUp() {
        http = RestClient.create("http://localhost:" + port);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    private String id(String name) {
        return name + "-" + unique;
    }

    private Reply call(HttpMethod method, String path, @Nullable String contentType, @Nullable String body,
            String accept) {
        var request = http.method(method).uri(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.ACCEPT, accept);
        if (contentType != null) {
            request = request.header(HttpHeaders.CONTENT_TYPE, contentType);
        }
        if (body != null) {
            request = request.body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.exchange((sent, response) -> new Reply(response.getStatusCode().value(),
                response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8), response.getHeaders()));
    }

    private Reply send(HttpMethod method, String path, @Nullable String contentType, @Nullable String body) {
        return call(method, path, contentType, body, "*/*");
    }

    private Reply json(HttpMethod method, String path, String body) {
        return send(method, path, MediaType.APPLICATION_JSON_VALUE, body);
    }

    private int status(String path) {
        return send(HttpMethod.GET, path, null, null).status();
    }

    private String room(String extra) {
        return """
                {"id":"%s","name":"Lotus","features":["massage table"]%s}""".formatted(id("lotus"), extra);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application/yaml|id: ID~name: Lotus~features: [massage table]~",
            "application/x-yaml|id: ID~name: Lotus~",
            "text/plain|{\"id\":\"ID\",\"name\":\"Lotus\"}",
            "application/x-www-form-urlencoded|id=ID&name=Lotus",
            "application/xml|<room><id>ID</id><name>Lotus</name></room>",
            "text/xml|<room><id>ID</id><name>Lotus</name></room>",
            "application/octet-stream|{\"id\":\"ID\",\"name\":\"Lotus\"}",
            "text/json|{\"id\":\"ID\",\"name\":\"Lotus\"}" })
    void aBodyOfAnyTypeButJsonIs415SayingWhatIsAccepted(String contentType, String body) {
        var reply = send(HttpMethod.POST, "/api/rooms", contentType, body.replace("ID",
                id("lotus")).replace('~', '\n'));

        reply.assertProblem(415, "Content-Type");
        assertThat(reply.body().get("accepted").get(0).asString()).isEqualTo("application/json");
        assertThat(reply.body().get("detail").asString()).contains("application/json");
        assertThat(reply.headers().getAccept()).containsExactly(MediaType.APPLICATION_JSON);
        assertThat(status("/api/rooms/" + id("lotus"))).isEqualTo(404);
    }

    @Test
    void aYamlBodyIsRefusedEvenWhereItWouldBreakTheJsonRules() {
        // The YAML converter knew none of the strict rules: a text for a number, a key given twice (the last won).
        var yaml = "id: %s\nname: Lotus\nname: Other\nfeatures: [massage table]\noutOfService: []\nversion: \"3\"\n"
                .formatted(id("lotus"));

        send(HttpMethod.POST, "/api/rooms", "application/yaml", yaml).assertProblem(415, "Content-Type");
        assertThat(status("/api/rooms/" + id("lotus"))).isEqualTo(404);
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        send(HttpMethod.POST, "/api/rooms", null, room("")).assertProblem(415, "Content-Type");
        assertThat(status("/api/rooms/" + id("lotus"))).isEqualTo(404);
    }

    @Test
    void jsonWithACharsetOrAJsonSuffixIsRead() {
        assertThat(send(HttpMethod.POST, "/api/rooms", "application/json;charset=UTF-8", room("")).status())
                .isEqualTo(201);
        var update = send(HttpMethod.PUT, "/api/rooms/" + id("lotus"), "application/merge-patch+json",
                room(",\"version\":0"));
        assertThat(update.status()).as(update.text()).isEqualTo(200);
    }

    @Test
    void aFormCannotStandInForQueryParameters() {
        assertThat(json(HttpMethod.POST, "/api/rooms", room("")).status()).isEqualTo(201);

        // Without the guard, the form's version=0 is read as the query parameter and the room is deleted.
        var reply = send(HttpMethod.DELETE, "/api/rooms/" + id("lotus"), "application/x-www-form-urlencoded",
                "version=0");

        reply.assertProblem(415, "Content-Type");
        assertThat(status("/api/rooms/" + id("lotus"))).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({ "application/yaml", "application/xml", "text/plain" })
    void answersAreJsonOnly(String accept) {
        assertThat(json(HttpMethod.POST, "/api/rooms", room("")).status()).isEqualTo(201);

        var reply = call(HttpMethod.GET, "/api/rooms/" + id("lotus"), null, null, accept);

        assertThat(reply.status()).as(reply.text()).isEqualTo(406);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(reply.field()).isEqualTo("Accept");
    }

    @Test
    void anUnknownFieldOfARecordIs400NamingItAndWritesNothing() {
        var reply = json(HttpMethod.POST, "/api/rooms", room(",\"colour\":\"green\"")).assertProblem(400, "colour");

        assertThat(reply.body().get("detail").asString()).contains("not a field", "features", "name")
                .doesNotContain("java", "Exception", "RoomJson");
        assertThat(status("/api/rooms/" + id("lotus"))).isEqualTo(404);
    }

    @Test
    void anUnknownFieldDeepInABodyIsNamedByItsPath() {
        var reply = json(HttpMethod.POST, "/api/rooms", room(
                ",\"outOfService\":[{\"startsAt\":\"2031-03-03T09:00\",\"endsAt\":\"2031-03-03T17:00\",\"why\":\"x\"}]"));

        reply.assertProblem(400, "outOfService[0].why");
        assertThat(status("/api/rooms/" + id("lotus"))).isEqualTo(404);
    }

    @Test
    void whatAReadGivesCanBeSentBackButNothingMore() {
        assertThat(json(HttpMethod.POST, "/api/rooms", room("")).status()).isEqualTo(201);
        var read = send(HttpMethod.GET, "/api/rooms/" + id("lotus"), null, null).text();

        assertThat(json(HttpMethod.PUT, "/api/rooms/" + id("lotus"), read).status()).isEqualTo(200);
        var withMore = read.replaceFirst("\\{", "{\"published\":true,");
        json(HttpMethod.PUT, "/api/rooms/" + id("lotus"), withMore.replace("\"version\":0", "\"version\":1"))
                .assertProblem(400, "published");
        assertThat(send(HttpMethod.GET, "/api/rooms/" + id("lotus"), null, null).body().get("version").asInt())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/front-desk/cancellations|{\"appointmentId\":\"a\",\"late\":false,\"lateness\":3}|lateness",
            "/api/front-desk/booking-requests|{\"clientId\":\"c\",\"treatmentId\":\"t\",\"durationMinutes\":60,\"windowStart\":\"2031-03-03T09:00\",\"windowEnd\":\"2031-03-03T18:00\",\"therapistId\":\"anna\"}|therapistId",
            "/api/front-desk/moves|{\"appointmentId\":\"a\",\"therapistId\":\"t\",\"roomId\":\"r\",\"startsAt\":\"2031-03-03T09:00\",\"force\":true}|force",
            "/api/front-desk/bookings|{\"clientId\":\"c\",\"treatmentId\":\"t\",\"durationMinutes\":60,\"therapistId\":\"a\",\"roomId\":\"r\",\"startsAt\":\"2031-03-03T09:00\",\"state\":\"DONE\"}|state",
            "/api/care-plans|{\"id\":\"p\",\"clientId\":\"c\",\"treatmentId\":\"t\",\"totalSessions\":6,\"spacing\":{\"minDays\":2,\"idealMinDays\":3,\"idealMaxDays\":7,\"maxDays\":10,\"days\":4},\"sameTherapist\":true,\"sessionsDoneBefore\":0}|spacing.days",
            "/api/care-plans/suggestions|{\"clientId\":\"c\",\"treatmentId\":\"t\",\"sessions\":3,\"sameTherpist\":true}|sameTherpist",
            "/api/care-plans/suggestions/accept|{\"suggestionId\":\"x\",\"clientId\":\"c\"}|clientId",
            "/api/weeks/import|{\"weekStart\":\"2031-03-03\",\"comment\":\"x\"}|comment" })
    void anUnknownFieldIs400NamingItOnEveryEndpoint(String path, String body, String field) {
        json(HttpMethod.POST, path, body).assertProblem(400, field);
    }

    @Test
    void theStrictRulesStillHoldForJson() {
        json(HttpMethod.POST, "/api/rooms", room(",\"name\":\"Other\"")).assertProblem(400, "name");
        json(HttpMethod.POST, "/api/rooms", room(",\"version\":\"0\"")).assertProblem(400, "version");
        json(HttpMethod.POST, "/api/rooms", room(",\"version\":0.0")).assertProblem(400, "version");
        assertThat(status("/api/rooms/" + id("lotus"))).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" })
    void theErrorPageIsNoEndpoint(String methodName) {
        var method = HttpMethod.valueOf(methodName);
        var reply = send(method, "/error", method == HttpMethod.GET || method == HttpMethod.HEAD
                || method == HttpMethod.OPTIONS ? null : MediaType.APPLICATION_JSON_VALUE,
                method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS ? null : "{}");

        assertThat(reply.status()).as(reply.text()).isEqualTo(404);
        if (method != HttpMethod.HEAD) {
            reply.assertProblem(404, "path");
        }
    }

    @Test
    void theApiDocumentAndItsPageAreStillServedWithoutTheOtherConverters() {
        var yaml = call(HttpMethod.GET, "/v3/api-docs.yaml", null, null, "*/*");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.text()).contains("openapi:");
        assertThat(status("/swagger-ui/index.html")).isEqualTo(200);
    }

    @Test
    void theErrorPageIsNotInTheApiDocument() {
        var paths = send(HttpMethod.GET, "/v3/api-docs", null, null).body().get("paths");

        assertThat(paths.propertyNames()).isNotEmpty().doesNotContain("/error");
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET", "POST", "PUT", "PATCH", "DELETE" })
    void anUnmappedPathIs404(String methodName) {
        var method = HttpMethod.valueOf(methodName);
        var body = method == HttpMethod.GET || method == HttpMethod.DELETE ? null : "{}";
        send(method, "/api/no-such-thing", body == null ? null : MediaType.APPLICATION_JSON_VALUE, body)
                .assertProblem(404, "path");
        send(method, "/no/such/page", body == null ? null : MediaType.APPLICATION_JSON_VALUE, body)
                .assertProblem(404, "path");
    }

    /**
     * A room deleted while sessions are booked into it: each request is answered as if it came first or last (201 or
     * 204, else 404, 409 or 422 problem+json naming the field), never 500, and no session is left in a room that is
     * gone.
     */
    @Test
    void aRoomDeletedWhileSessionsAreBookedIntoItIsNeverA500() throws Exception {
        var spaOfAnotherTest = spas.findById(Spa.ID);
        if (spaOfAnotherTest.isEmpty()) {
            assertThat(json(HttpMethod.PUT, "/api/spa", """
                    {"name":"Race spa","timeZone":"Europe/Brussels","grainMinutes":15,"highLoadRestMinutes":2880,
                     "workRules":{"breakMinutes":30,"maxRunMinutes":180,"longDayMinutes":360,"compactGapMinutes":60},
                     "openingHours":[{"dayOfWeek":"MONDAY","opens":"09:00","closes":"21:00"}]}""").status())
                    .isEqualTo(201);
        }
        assertThat(json(HttpMethod.POST, "/api/treatments", """
                {"id":"%s","name":"Massage","requiredSkill":"massage","load":"LOW","turnoverMinutes":0,
                 "durationsMinutes":[30],"requiredRoomFeatures":[]}""".formatted(id("massage"))).status())
                .isEqualTo(201);
        assertThat(json(HttpMethod.POST, "/api/clients", """
                {"id":"%s","name":"Ines","email":"ines@example.org","chronic":false}""".formatted(id("ines")))
                .status()).isEqualTo(201);
        var therapists = 4;
        for (var t = 0; t < therapists; t++) {
            assertThat(json(HttpMethod.POST, "/api/therapists", """
                    {"id":"%s","name":"Anna","skills":["massage"],"changeoverMinutes":0,"maxHandsOnMinutesPerDay":600,
                     "maxHighLoadSessionsPerDay":4,
                     "weeklyShifts":[{"dayOfWeek":"MONDAY","starts":"09:00","ends":"18:00"}]}""".formatted(
                            id("anna" + t))).status())
                    .isEqualTo(201);
        }
        var executor = Executors.newFixedThreadPool(therapists + 1);
        var statuses = ConcurrentHashMap.<Integer>newKeySet();
        try {
            for (var round = 0; round < 12; round++) {
                var room = id("room" + round);
                assertThat(json(HttpMethod.POST, "/api/rooms", """
                        {"id":"%s","name":"Lotus","features":[]}""".formatted(room)).status()).isEqualTo(201);
                var start = new CountDownLatch(1);
                var replies = new ArrayList<Future<Reply>>();
                for (var t = 0; t < therapists; t++) {
                    var booking = """
                            {"clientId":"%s","treatmentId":"%s","durationMinutes":30,"therapistId":"%s",
                             "roomId":"%s","startsAt":"2031-03-03T%02d:00"}""".formatted(id("ines"), id("massage"),
                            id("anna" + t), room, 9 + t);
                    replies.add(executor.submit(() -> {
                        start.await();
                        return json(HttpMethod.POST, "/api/front-desk/bookings", booking);
                    }));
                }
                replies.add(executor.submit(() -> {
                    start.await();
                    return send(HttpMethod.DELETE, "/api/rooms/" + room, null, null);
                }));
                start.countDown();
                for (var reply : replies) {
                    var answer = reply.get(60, TimeUnit.SECONDS);
                    statuses.add(answer.status());
                    assertThat(answer.status()).as(answer.text()).isIn(201, 204, 404, 409, 422);
                    if (answer.status() >= 400) {
                        assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                        // The room gone, or its slot no longer free for another reason (a spa of another test).
                        assertThat(answer.field()).as(answer.text()).isIn("id", "roomId", "startsAt");
                    }
                }
                if (status("/api/rooms/" + room) == 404) {
                    var left = send(HttpMethod.GET, "/api/appointments?roomId=" + room + "&clientId=" + id("ines"),
                            null, null).body();
                    assertThat(left.get("totalElements").asInt()).as("sessions left in a deleted room").isZero();
                }
            }
        } finally {
            executor.shutdownNow();
        }
        System.out.println("Room delete race answers: " + statuses);
        if (spaOfAnotherTest.isEmpty()) {
            spas.deleteAll();
        }
    }
}
