package org.spascheduler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spascheduler.TestAccounts;
import org.spascheduler.booking.AppointmentJson;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.spa.Spa;
import org.spascheduler.spa.SpaRepository;
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
 * The spa's records over real HTTP, mostly with bad input: every refusal is a problem+json naming the field, with the
 * status the API promises, and leaves the stored data as it was. Each test makes its own records under fresh ids, so
 * it passes whatever else the database holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SpaRecordsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private SpaRepository spas;

    @Autowired
    private AppointmentRepository appointments;

    private RestClient http;
    /** Makes this test's ids its own. */
    private String unique;

    record Reply(int status, @Nullable JsonNode body, @Nullable String location) {

        String field() {
            return body == null || body.get("field") == null ? "" : body.get("field").asString();
        }

        int version() {
            return body.get("version").asInt();
        }
    }

    @BeforeEach
    void setUp() {
        http = TestAccounts.manager(port);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    private String id(String name) {
        return name + "-" + unique;
    }

    private Reply call(HttpMethod method, String path, @Nullable String body) {
        var request = http.method(method).uri(URI.create("http://localhost:" + port + path));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((sent, response) -> {
            var text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            var contentType = response.getHeaders().getContentType();
            if (response.getStatusCode().isError()) {
                assertThat(contentType).as("content type of %s %s", method, path).isNotNull();
                assertThat(contentType.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .as("problem+json for %s %s: %s", method, path, text).isTrue();
            }
            return new Reply(response.getStatusCode().value(), text.isEmpty() ? null : JSON.readTree(text),
                    response.getHeaders().getFirst("Location"));
        });
    }

    private Reply get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    private Reply post(String path, String body) {
        return call(HttpMethod.POST, path, body);
    }

    private Reply put(String path, String body) {
        return call(HttpMethod.PUT, path, body);
    }

    private Reply delete(String path) {
        return call(HttpMethod.DELETE, path, null);
    }

    private static void assertProblemNames(Reply reply, int status, String field) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        assertThat(reply.field()).isEqualTo(field);
        assertThat(reply.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private static String treatment(String id, String extra) {
        return """
                {"id":"%s","name":"Trigger point","requiredSkill":"trigger point","load":"HIGH","turnoverMinutes":10,
                 "durationsMinutes":[60,30],"requiredRoomFeatures":["massage table"]%s}""".formatted(id, extra);
    }

    private static String therapist(String id, String extra) {
        return """
                {"id":"%s","name":"Anna","skills":["trigger point"],"changeoverMinutes":10,
                 "maxHandsOnMinutesPerDay":360,"maxHighLoadSessionsPerDay":4,
                 "weeklyShifts":[{"dayOfWeek":"MONDAY","starts":"09:00","ends":"17:00"}]%s}""".formatted(id, extra);
    }

    private static String room(String id, String extra) {
        return """
                {"id":"%s","name":"Lotus","features":["massage table"]%s}""".formatted(id, extra);
    }

    private static String client(String id, String extra) {
        return """
                {"id":"%s","name":"Ines","email":"ines@example.org","chronic":true%s}""".formatted(id, extra);
    }

    private static String carePlan(String id, String clientId, String treatmentId, String spacing, String extra) {
        return """
                {"id":"%s","clientId":"%s","treatmentId":"%s","totalSessions":6,"spacing":%s,"sameTherapist":true,
                 "sessionsDoneBefore":0%s}""".formatted(id, clientId, treatmentId, spacing, extra);
    }

    private static String appointment(String id, String clientId, String treatmentId, String windowStart,
            String windowEnd, String extra) {
        return """
                {"id":"%s","clientId":"%s","treatmentId":"%s","durationMinutes":60,"released":false,
                 "windowStart":"%s","windowEnd":"%s"%s}""".formatted(id, clientId, treatmentId, windowStart, windowEnd, extra);
    }

    /**
     * Stores a session as history or a roster would have left it (placed, confirmed, begun): the records API does not
     * let a caller set those fields.
     */
    private void stored(String appointmentJson) {
        var json = JSON.readValue(appointmentJson, AppointmentJson.class);
        appointments.save(json.toStored(json.id(), null));
    }

    /** A treatment, a therapist, a room and a client of this test's own, for records that refer to them. */
    private void createBasics() {
        assertThat(post("/api/treatments", treatment(id("massage"), "")).status()).isEqualTo(201);
        assertThat(post("/api/therapists", therapist(id("anna"), "")).status()).isEqualTo(201);
        assertThat(post("/api/rooms", room(id("lotus"), "")).status()).isEqualTo(201);
        assertThat(post("/api/clients", client(id("ines"), "")).status()).isEqualTo(201);
    }

    @Nested
    class Treatments {

        @Test
        void createReadUpdateDelete() {
            var created = post("/api/treatments", treatment(id("massage"), ""));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.location()).isEqualTo("/api/treatments/" + id("massage"));
            assertThat(created.version()).isZero();

            var updated = put("/api/treatments/" + id("massage"),
                    treatment(id("massage"), ",\"name\":\"Deep tissue\",\"version\":0").replace(
                            "\"name\":\"Trigger point\",", ""));
            assertThat(updated.status()).isEqualTo(200);
            assertThat(updated.body().get("name").asString()).isEqualTo("Deep tissue");
            assertThat(updated.version()).isEqualTo(1);

            assertThat(delete("/api/treatments/" + id("massage") + "?version=1").status()).isEqualTo(204);
            assertThat(get("/api/treatments/" + id("massage")).status()).isEqualTo(404);
        }

        @Test
        void aCreateWithoutIdGetsOne() {
            var created = post("/api/treatments", treatment(id("x"), "").replace("\"id\":\"" + id("x") + "\",", ""));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.body().get("id").asString()).startsWith("treatment-");
            assertThat(get(created.location()).status()).isEqualTo(200);
            delete(created.location());
        }

        @Test
        void anInvalidBodyIs400NamingTheFieldAndWritesNothing() {
            var reply = post("/api/treatments", treatment(id("massage"), "").replace("[60,30]", "[]"));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.field()).isEqualTo("durationsMinutes");
            assertThat(get("/api/treatments/" + id("massage")).status()).isEqualTo(404);
        }

        @Test
        void aSeriesWhoseMaximumIsBelowItsMinimumIs422() {
            var reply = post("/api/treatments", treatment(id("massage"),
                    ",\"seriesDefault\":{\"minDays\":5,\"idealMinDays\":5,\"idealMaxDays\":5,\"maxDays\":2}"));

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.field()).isEqualTo("seriesDefault.maxDays");
            assertThat(get("/api/treatments/" + id("massage")).status()).isEqualTo(404);
        }

        @Test
        void aTakenIdIs409AndKeepsTheFirst() {
            post("/api/treatments", treatment(id("massage"), ""));

            var reply = post("/api/treatments", treatment(id("massage"), "").replace("Trigger point", "Other"));

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.location()).isEqualTo("/api/treatments/" + id("massage"));
            assertThat(get("/api/treatments/" + id("massage")).body().get("name").asString())
                    .isEqualTo("Trigger point");
        }

        @Test
        void aStaleVersionIs409AndKeepsTheNewer() {
            post("/api/treatments", treatment(id("massage"), ""));
            put("/api/treatments/" + id("massage"), treatment(id("massage"), ",\"version\":0"));

            var reply = put("/api/treatments/" + id("massage"),
                    treatment(id("massage"), ",\"version\":0").replace("[60,30]", "[90]"));

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.field()).isEqualTo("version");
            var stored = get("/api/treatments/" + id("massage")).body();
            assertThat(stored.get("version").asInt()).isEqualTo(1);
            assertThat(stored.get("durationsMinutes").toString()).isEqualTo("[60,30]");
        }

        @Test
        void anUpdateWithoutVersionIs400NamingVersion() {
            post("/api/treatments", treatment(id("massage"), ""));

            var reply = put("/api/treatments/" + id("massage"), treatment(id("massage"), ""));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.field()).isEqualTo("version");
        }

        @Test
        void anUpdateNamingAnotherIdIs400() {
            post("/api/treatments", treatment(id("massage"), ""));

            var reply = put("/api/treatments/" + id("massage"), treatment(id("other"), ",\"version\":0"));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.field()).isEqualTo("id");
        }

        @Test
        void unknownIdsAre404() {
            assertThat(get("/api/treatments/" + id("nothing")).status()).isEqualTo(404);
            assertThat(put("/api/treatments/" + id("nothing"), treatment(id("nothing"), ",\"version\":0")).status())
                    .isEqualTo(404);
            assertThat(delete("/api/treatments/" + id("nothing")).status()).isEqualTo(404);
        }

        @Test
        void deletingAnOlderVersionIs409() {
            post("/api/treatments", treatment(id("massage"), ""));

            assertThat(delete("/api/treatments/" + id("massage") + "?version=7").status()).isEqualTo(409);
            assertThat(get("/api/treatments/" + id("massage")).status()).isEqualTo(200);
        }
    }

    @Nested
    class Therapists {

        @Test
        void aShiftThatEndsBeforeItStartsIs422AndWritesNothing() {
            var reply = post("/api/therapists", therapist(id("anna"),
                    ",\"shifts\":[{\"startsAt\":\"2031-03-03T17:00\",\"endsAt\":\"2031-03-03T09:00\"}]"));

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.field()).isEqualTo("shifts[0].endsAt");
            assertThat(get("/api/therapists/" + id("anna")).status()).isEqualTo(404);
        }

        @Test
        void anImplausibleYearIs422NotAServerError() {
            var reply = post("/api/therapists", therapist(id("anna"),
                    ",\"shifts\":[{\"startsAt\":\"+999999999-12-31T17:00\",\"endsAt\":\"+999999999-12-31T23:00\"}]"));

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.field()).isEqualTo("shifts[0].startsAt");
        }

        @Test
        void deletingATherapistAClientPrefersIs409AndKeepsThemWhole() {
            post("/api/therapists", therapist(id("anna"), ""));
            post("/api/clients", client(id("ines"), ",\"preferredTherapistIds\":[\"" + id("anna") + "\"]"));
            var before = get("/api/therapists/" + id("anna")).body();

            var reply = delete("/api/therapists/" + id("anna"));

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.body().get("detail").asString()).contains("still referred to by clients");
            assertThat(get("/api/therapists/" + id("anna")).body()).isEqualTo(before);
        }

        @Test
        void listsOnlyThoseWithASkill() {
            post("/api/therapists", therapist(id("anna"), "").replace("trigger point", id("skill")));
            post("/api/therapists", therapist(id("bert"), "").replace("trigger point", id("skill")));
            post("/api/therapists", therapist(id("carl"), ""));

            var page = get("/api/therapists?size=1&page=1&skill=" + id("skill")).body();

            assertThat(page.get("totalElements").asInt()).isEqualTo(2);
            assertThat(page.get("totalPages").asInt()).isEqualTo(2);
            assertThat(page.get("content")).hasSize(1);
            assertThat(page.get("content").get(0).get("id").asString()).isEqualTo(id("bert"));
        }

        @Test
        void aTypoInAnEnumIs400NamingTheField() {
            var reply = post("/api/therapists", therapist(id("anna"), "").replace("MONDAY", "MOONDAY"));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.field()).isEqualTo("weeklyShifts[0].dayOfWeek");
        }
    }

    @Nested
    class RoomsAndClients {

        @ParameterizedTest
        @ValueSource(strings = { "/api/rooms/a%20b", "/api/rooms/..", "/api/rooms/%C3%A9t%C3%A9",
                "/api/clients/x;y", "/api/rooms/" + "a123456789a123456789a123456789a123456789a123456789a123456789abcdefg" })
        void anIdThatCannotBeOneIsUnknown(String path) {
            assertThat(get(path).status()).isIn(400, 404);
        }

        @Test
        void aClientPreferringAnUnknownTherapistIs422() {
            var reply = post("/api/clients", client(id("ines"), ",\"preferredTherapistIds\":[\"" + id("nobody")
                    + "\"]"));

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.field()).isEqualTo("preferredTherapistIds");
            assertThat(get("/api/clients/" + id("ines")).status()).isEqualTo(404);
        }

        @Test
        void aBadEmailIs400() {
            var reply = post("/api/clients", client(id("ines"), "").replace("ines@example.org", "not an email"));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.field()).isEqualTo("email");
        }

        @Test
        void aRoomOutOfServiceBackwardsIs422() {
            var reply = post("/api/rooms", room(id("lotus"),
                    ",\"outOfService\":[{\"startsAt\":\"2031-03-03T17:00\",\"endsAt\":\"2031-03-03T16:00\"}]"));

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.field()).isEqualTo("outOfService[0].endsAt");
        }

        @ParameterizedTest
        @ValueSource(strings = { "", "null", "[]", "{", "42", "{\"name\":[\"x\"]}",
                "{\"name\":\"x\",\"features\":{}}", "{\"name\":\"x\",\"outOfService\":[{\"startsAt\":\"soon\"}]}",
                "{\"name\":\"x\",\"outOfService\":[null]}", "{\"name\":\"x\",\"features\":[null]}" })
        void malformedBodiesAre400WithoutJavaNames(String body) {
            var reply = post("/api/rooms", body);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().get("detail").asString()).doesNotContain("org.", "java.", "Exception");
        }

        @Test
        void aBodyThatIsNotJsonIs415() {
            var reply = http.post().uri("/api/rooms").contentType(MediaType.TEXT_PLAIN).body("name=x")
                    .exchange((request, response) -> response.getStatusCode().value());

            assertThat(reply).isEqualTo(415);
        }

        @ParameterizedTest
        @ValueSource(strings = { "page=-1", "size=0", "size=501", "page=x", "size=99999999999" })
        void badPagingIs400(String query) {
            var reply = get("/api/rooms?" + query);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.field()).isIn("page", "size");
        }
    }

    @Nested
    class CarePlans {

        @Test
        void aMaximumSpacingBelowTheMinimumIs422AndWritesNothing() {
            createBasics();

            var reply = post("/api/care-plans", carePlan(id("plan"), id("ines"), id("massage"),
                    "{\"minDays\":7,\"idealMinDays\":7,\"idealMaxDays\":7,\"maxDays\":3}", ""));

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.field()).isEqualTo("spacing.maxDays");
            assertThat(get("/api/care-plans/" + id("plan")).status()).isEqualTo(404);
        }

        @Test
        void listsOneClientsPlans() {
            createBasics();
            var spacing = "{\"minDays\":2,\"idealMinDays\":3,\"idealMaxDays\":7,\"maxDays\":10}";
            assertThat(post("/api/care-plans", carePlan(id("plan"), id("ines"), id("massage"), spacing, ""))
                    .status()).isEqualTo(201);

            var page = get("/api/care-plans?clientId=" + id("ines")).body();

            assertThat(page.get("totalElements").asInt()).isEqualTo(1);
            assertThat(page.get("content").get(0).get("id").asString()).isEqualTo(id("plan"));
            assertThat(delete("/api/clients/" + id("ines")).status()).isEqualTo(409);
        }

        @Test
        void aPlanOfAnUnknownClientIs422() {
            createBasics();

            var reply = post("/api/care-plans", carePlan(id("plan"), "no body", id("massage"),
                    "{\"minDays\":2,\"idealMinDays\":3,\"idealMaxDays\":7,\"maxDays\":10}", ""));

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.field()).isEqualTo("clientId");
        }

        @Test
        void aPlansProgressCannotBeWrittenButTheRestOfItCan() {
            createBasics();
            var spacing = "{\"minDays\":2,\"idealMinDays\":3,\"idealMaxDays\":7,\"maxDays\":10}";
            assertThat(post("/api/care-plans", carePlan(id("plan"), id("ines"), id("massage"), spacing, ""))
                    .status()).isEqualTo(201);

            var done = put("/api/care-plans/" + id("plan"), carePlan(id("plan"), id("ines"), id("massage"), spacing,
                    ",\"version\":0").replace("\"sessionsDoneBefore\":0", "\"sessionsDoneBefore\":6"));
            var fewer = put("/api/care-plans/" + id("plan"), carePlan(id("plan"), id("ines"), id("massage"), spacing,
                    ",\"version\":0").replace("\"totalSessions\":6", "\"totalSessions\":4"));

            assertProblemNames(done, 400, "sessionsDoneBefore");
            assertThat(fewer.status()).isEqualTo(200);
            assertThat(get("/api/care-plans/" + id("plan")).body().get("sessionsDoneBefore").asInt()).isZero();
        }
    }

    @Nested
    class Appointments {

        @Test
        void aWindowSpanningTwoWeeksIs422AndWritesNothing() {
            createBasics();

            var reply = post("/api/appointments", appointment(id("a"), id("ines"), id("massage"),
                    "2031-03-08T09:00", "2031-03-10T18:00", ""));

            assertThat(reply.status()).as("%s", reply).isEqualTo(422);
            assertThat(reply.field()).isEqualTo("windowEnd");
            assertThat(get("/api/appointments/" + id("a")).status()).isEqualTo(404);
        }

        @Test
        void aMissingYesOrNoIs400SayingItIsRequired() {
            var reply = post("/api/clients", client(id("ines"), "").replace(",\"chronic\":true", ""));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.field()).isEqualTo("chronic");
            assertThat(reply.body().get("detail").asString()).contains("is required");
        }

        @Test
        void anUnknownStateIs400NamingState() {
            createBasics();

            var reply = post("/api/appointments", appointment(id("a"), id("ines"), id("massage"),
                    "2031-03-03T09:00", "2031-03-03T18:00", ",\"state\":\"MAYBE\""));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.field()).isEqualTo("state");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = { "\"durationMinutes\":60|\"durationMinutes\":\"60\"|durationMinutes",
                "\"released\":false|\"released\":\"false\"|released" })
        void aNumberOrYesOrNoSentAsTextIs400NamingTheField(String sent, String asText, String field) {
            createBasics();
            var body = appointment(id("a"), id("ines"), id("massage"), "2031-03-03T09:00", "2031-03-03T18:00", "");

            var reply = post("/api/appointments", body.replace(sent, asText));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.field()).isEqualTo(field);
        }

        @Test
        void aWindowAtTheEndOfTimeIs422() {
            createBasics();

            var reply = post("/api/appointments", appointment(id("a"), id("ines"), id("massage"),
                    "+999999999-12-31T09:00", "+999999999-12-31T18:00", ""));

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.field()).isEqualTo("windowStart");
        }

        @Test
        void filtersCombineWithPaging() {
            createBasics();
            var placed = ",\"therapistId\":\"%s\",\"roomId\":\"%s\",\"startsAt\":\"2031-03-04T10:00\""
                    .formatted(id("anna"), id("lotus"));
            stored(appointment(id("a1"), id("ines"), id("massage"),
                    "2031-03-04T09:00", "2031-03-04T18:00", placed + ",\"state\":\"CONFIRMED\""));
            post("/api/appointments", appointment(id("a2"), id("ines"), id("massage"),
                    "2031-03-05T09:00", "2031-03-05T18:00", ""));
            post("/api/appointments", appointment(id("a3"), id("ines"), id("massage"),
                    "2031-03-12T09:00", "2031-03-12T18:00", ""));

            var week = "/api/appointments?week=2031-03-03&clientId=" + id("ines");
            assertThat(get(week).body().get("totalElements").asInt()).isEqualTo(2);
            assertThat(get(week + "&state=REQUESTED").body().get("content").get(0).get("id").asString())
                    .isEqualTo(id("a2"));
            assertThat(get(week + "&therapistId=" + id("anna") + "&roomId=" + id("lotus")).body()
                    .get("content")).hasSize(1);
            var secondPage = get(week + "&size=1&page=1").body();
            assertThat(secondPage.get("totalPages").asInt()).isEqualTo(2);
            assertThat(secondPage.get("content").get(0).get("id").asString()).isEqualTo(id("a2"));
            assertThat(get(week + "&state=DONE").body().get("content")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = { "week=2031-03-04", "week=soon", "state=LATER", "therapistId=a%20b",
                "clientId=%2F", "page=-3" })
        void badFiltersAre400(String query) {
            assertThat(get("/api/appointments?" + query).status()).isEqualTo(400);
        }

        @Test
        void aDoneAppointmentCannotBeChangedOrDeleted() {
            createBasics();
            var done = appointment(id("a"), id("ines"), id("massage"), "2031-03-04T09:00", "2031-03-04T18:00",
                    ",\"therapistId\":\"%s\",\"roomId\":\"%s\",\"startsAt\":\"2031-03-04T10:00\",\"state\":\"DONE\""
                            .formatted(id("anna"), id("lotus")));
            stored(done);

            var moved = put("/api/appointments/" + id("a"),
                    done.replace("T10:00", "T11:00").replace("}", ",\"version\":0}"));
            assertProblemNames(moved, 400, "startsAt");
            var longer = put("/api/appointments/" + id("a"),
                    done.replace("\"durationMinutes\":60", "\"durationMinutes\":90").replace("}", ",\"version\":0}"));
            assertProblemNames(longer, 409, "state");
            assertThat(delete("/api/appointments/" + id("a")).status()).isEqualTo(409);
            assertThat(put("/api/appointments/" + id("a"), done.replace("}", ",\"version\":0}")).status())
                    .isEqualTo(200);
            assertThat(get("/api/appointments/" + id("a")).body().get("startsAt").asString())
                    .isEqualTo("2031-03-04T10:00:00");
        }

        @Test
        void aSessionInProgressMayEndButNotMove() {
            createBasics();
            var running = appointment(id("a"), id("ines"), id("massage"), "2031-03-04T09:00", "2031-03-04T18:00",
                    ",\"therapistId\":\"%s\",\"roomId\":\"%s\",\"startsAt\":\"2031-03-04T10:00\",\"state\":\"IN_PROGRESS\""
                            .formatted(id("anna"), id("lotus")));
            stored(running);

            assertThat(put("/api/appointments/" + id("a"),
                    running.replace("\"IN_PROGRESS\"", "\"DONE\"").replace("T10:00", "T11:00")
                            .replace("}", ",\"version\":0}")).status()).isEqualTo(400);
            assertThat(put("/api/appointments/" + id("a"), running.replace("\"IN_PROGRESS\"", "\"DONE\"")
                    .replace("\"durationMinutes\":60", "\"durationMinutes\":30").replace("}", ",\"version\":0}"))
                    .status()).isEqualTo(409);
            var ended = put("/api/appointments/" + id("a"),
                    running.replace("\"IN_PROGRESS\"", "\"DONE\"").replace("}", ",\"version\":0}"));
            assertThat(ended.status()).isEqualTo(200);
            assertThat(ended.body().get("state").asString()).isEqualTo("DONE");
        }

        @Test
        void deletingAReferencedTreatmentIs409() {
            createBasics();
            post("/api/appointments", appointment(id("a"), id("ines"), id("massage"),
                    "2031-03-04T09:00", "2031-03-04T18:00", ""));

            assertThat(delete("/api/treatments/" + id("massage")).status()).isEqualTo(409);
            assertThat(get("/api/treatments/" + id("massage")).body().get("durationsMinutes").toString())
                    .isEqualTo("[60,30]");
        }
    }

    @Test
    void everyRecordFamilyIsDocumented() {
        var paths = get("/v3/api-docs").body().get("paths");

        assertThat(paths.propertyNames()).contains("/api/spa", "/api/treatments", "/api/treatments/{id}",
                "/api/therapists", "/api/rooms", "/api/clients", "/api/care-plans", "/api/care-plans/{id}",
                "/api/appointments", "/api/appointments/{id}");
    }

    @Test
    void everyOperationListsItsRefusalsAsProblemJson() {
        var docs = get("/v3/api-docs").body();
        var problem = docs.get("components").get("schemas").get("Problem");
        problem.get("properties").properties().forEach(property -> assertThat(property.getValue().get("description"))
                .as("Problem.%s", property.getKey()).isNotNull());
        var checked = 0;
        for (var path : docs.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                var responses = operation.getValue().get("responses");
                var name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                var expected = new java.util.ArrayList<>(List.of("401", "403", "503"));
                if (path.getKey().contains("{")) {
                    expected.add("404");
                }
                if (operation.getValue().has("requestBody")) {
                    expected.addAll(List.of("400", "415"));
                }
                if (name.equals("POST /api/front-desk/slot-options") || name.equals("POST /api/weeks/import")) {
                    expected.add("429");
                }
                assertThat(responses.propertyNames()).as(name).containsAll(expected);
                for (var status : expected) {
                    assertThat(responses.get(status).get("content").has("application/problem+json"))
                            .as("%s answers %s as problem+json", name, status).isTrue();
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(docs.get("paths").has("/error")).isFalse();
    }

    @Nested
    class TheSpa {

        private static final String SPA = """
                {"name":"Test spa","timeZone":"Europe/Brussels","grainMinutes":15,"highLoadRestMinutes":2880,
                 "workRules":{"breakMinutes":30,"maxRunMinutes":180,"longDayMinutes":360,"compactGapMinutes":60},
                 "openingHours":[{"dayOfWeek":"MONDAY","opens":"09:00","closes":"21:00"}]%s}""";

        @Test
        void isWrittenWithItsVersionAndRefusesImpossibleSettings() {
            var original = spas.findById(Spa.ID);
            try {
                spas.deleteAll();
                assertThat(get("/api/spa").status()).isEqualTo(404);
                assertThat(put("/api/spa", SPA.formatted("")).status()).isEqualTo(201);
                assertThat(put("/api/spa", SPA.formatted("")).field()).isEqualTo("version");
                assertThat(put("/api/spa", SPA.formatted(",\"version\":0")).status()).isEqualTo(200);
                assertThat(put("/api/spa", SPA.formatted(",\"version\":0")).status()).isEqualTo(409);

                var zone = put("/api/spa", SPA.formatted(",\"version\":1").replace("Europe/Brussels", "Mars/Olympus"));
                assertThat(zone.status()).isEqualTo(422);
                assertThat(zone.field()).isEqualTo("timeZone");
                var hours = put("/api/spa", SPA.formatted(",\"version\":1").replace("21:00", "08:00"));
                assertThat(hours.status()).isEqualTo(422);
                assertThat(hours.field()).isEqualTo("openingHours[0].closes");
                var blank = put("/api/spa", SPA.formatted(",\"version\":1").replace("Test spa", " "));
                assertThat(blank.status()).isEqualTo(400);
                assertThat(blank.field()).isEqualTo("name");

                var stored = get("/api/spa").body();
                assertThat(stored.get("version").asInt()).isEqualTo(1);
                assertThat(stored.get("timeZone").asString()).isEqualTo("Europe/Brussels");
            } finally {
                // Other tests share this database: leave the spa as it was found.
                spas.deleteAll();
                original.ifPresent(spa -> spas.save(new Spa(spa.id(), spa.name(), spa.timeZone(), spa.grainMinutes(),
                        spa.highLoadRestMinutes(), spa.workRules(), spa.openingHours(), null)));
            }
        }
    }

    /** What an API fuzzer found: each refusal is problem+json with a field and its errors, and writes nothing. */
    @Nested
    class Fuzzed {

        @ParameterizedTest
        @ValueSource(strings = {"/api/rooms/a%2Fb", "/api/rooms/%00", "/api/treatments/%2F"})
        void aPathTomcatRefusesIsAProblemNotAnHtmlPage(String path) {
            assertProblemNames(get(path), 400, "request");
        }

        @Test
        void errorsSpringAnswersItselfNameAFieldToo() {
            assertProblemNames(call(HttpMethod.PATCH, "/api/spa", "{}"), 405, "method");
            assertProblemNames(get("/api/no-such-thing"), 404, "path");
            assertProblemNames(call(HttpMethod.TRACE, "/api/spa", null), 405, "method");
        }

        @Test
        void conflictsAndUnknownIdsListTheirField() {
            createBasics();
            assertThat(post("/api/appointments", appointment(id("a"), id("ines"), id("massage"),
                    "2031-03-03T09:00", "2031-03-03T18:00", "")).status()).isEqualTo(201);

            assertProblemNames(delete("/api/clients/" + id("ines") + "?version=0"), 409, "id");
            assertProblemNames(post("/api/rooms", room(id("lotus"), "")), 409, "id");
            assertProblemNames(delete("/api/rooms/" + id("lotus") + "?version=7"), 409, "version");
            assertProblemNames(get("/api/rooms/" + id("nobody")), 404, "id");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"turnoverMinutes\":10.5", "\"load\":0", "\"name\":5", "\"name\":true"})
        void aValueOfTheWrongTypeIsRefusedNotConverted(String value) {
            var key = value.substring(1, value.indexOf('"', 1));
            var body = treatment(id("massage"), "").replaceFirst("\"" + key + "\":(\"[^\"]*\"|[0-9]+)", value);
            assertThat(body).contains(value);

            var reply = post("/api/treatments", body);

            assertProblemNames(reply, 400, key);
            assertThat(reply.body().get("detail").asString()).doesNotContain("java", "Integer", "String");
            assertThat(get("/api/treatments/" + id("massage")).status()).isEqualTo(404);
        }

        @Test
        void aNumberForAYesOrNoIsRefused() {
            var reply = post("/api/clients", client(id("ines"), "").replace("\"chronic\":true", "\"chronic\":-1"));

            assertProblemNames(reply, 400, "chronic");
            assertThat(get("/api/clients/" + id("ines")).status()).isEqualTo(404);
        }

        @Test
        void aKeyGivenTwiceIsRefused() {
            var reply = post("/api/rooms", room(id("lotus"), ",\"name\":\"Other\""));

            assertProblemNames(reply, 400, "name");
            assertThat(get("/api/rooms/" + id("lotus")).status()).isEqualTo(404);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = { "therapistId|\"therapistId\":\"anna\"",
                "startsAt|\"startsAt\":\"2031-03-03T10:00\"", "state|\"state\":\"CONFIRMED\"",
                "released|\"released\":true", "publishedStartsAt|\"publishedStartsAt\":\"2031-03-03T10:00\"",
                "carePlanId|\"carePlanId\":\"plan-1\"", "version|\"version\":3" })
        void aServerOwnedFieldSentWithANewSessionIs400NamingIt(String field, String value) {
            createBasics();

            var reply = post("/api/appointments", appointment(id("a"), id("ines"), id("massage"),
                    "2031-03-03T09:00", "2031-03-03T18:00", "").replace(",\"released\":false", "")
                    .replace("}", "," + value + "}"));

            assertProblemNames(reply, 400, field);
            assertThat(get("/api/appointments/" + id("a")).status()).isEqualTo(404);
        }

        @Test
        void aServerOwnedFieldChangedOnEditIs400NamingItAndSentBackAsReadIsAccepted() {
            createBasics();
            var placed = ",\"therapistId\":\"%s\",\"roomId\":\"%s\",\"startsAt\":\"2031-03-04T10:00\""
                    .formatted(id("anna"), id("lotus"));
            stored(appointment(id("a"), id("ines"), id("massage"), "2031-03-04T09:00", "2031-03-04T18:00",
                    placed + ",\"state\":\"CONFIRMED\""));
            var read = get("/api/appointments/" + id("a")).body().toString();

            var moved = put("/api/appointments/" + id("a"), read.replace("T10:00", "T11:00"));
            var cancelled = put("/api/appointments/" + id("a"), read.replace("\"CONFIRMED\"", "\"CANCELLED\""));

            assertProblemNames(moved, 400, "startsAt");
            assertProblemNames(cancelled, 400, "state");
            var edited = put("/api/appointments/" + id("a"), read.replace("\"windowEnd\":\"2031-03-04T18:00:00\"",
                    "\"windowEnd\":\"2031-03-04T17:00:00\""));
            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
            assertThat(edited.body().get("startsAt").asString()).isEqualTo("2031-03-04T10:00:00");
            assertThat(edited.body().get("windowEnd").asString()).isEqualTo("2031-03-04T17:00:00");
        }
    }
}
