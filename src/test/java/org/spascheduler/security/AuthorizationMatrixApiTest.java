package org.spascheduler.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.spascheduler.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorisation matrix: every operation of the OpenAPI document, called anonymously and as each role, answers as
 * {@link AccessRules} says (401 anonymous, 403 for a role without the right, anything else for one with it), the
 * document names the same roles, and the README's role matrix is the same table. An endpoint added without a rule
 * fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixApiTest {

    /** A Monday no other test uses: a manager's publish there touches nothing of theirs. */
    private static final LocalDate MONDAY =
            LocalDate.of(2099, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final Map<Role, String> USERNAMES = Map.of(Role.MANAGER, TestAccounts.MANAGER, Role.FRONT_DESK,
            TestAccounts.DESK, Role.THERAPIST, "matrix-therapist", Role.CLIENT, "matrix-client");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private JsonNode apiDocs;

    @BeforeAll
    void accountsForEveryRole() throws Exception {
        var manager = TestAccounts.basic(TestAccounts.MANAGER);
        assertThat(send("POST", "/api/therapists", """
                {"id":"matrix-therapist","name":"Mia Matrix","skills":["relaxation"],"changeoverMinutes":10,
                 "maxHandsOnMinutesPerDay":360,"maxHighLoadSessionsPerDay":4,
                 "weeklyShifts":[{"dayOfWeek":"MONDAY","starts":"09:00","ends":"17:00"}]}""", manager)
                .statusCode()).isIn(201, 409);
        var client = send("POST", "/api/clients", """
                {"id":"matrix-client","name":"Carl Matrix","email":"carl@example.org","chronic":false}""", manager);
        assertThat(client.statusCode()).as(client.body()).isIn(201, 409);
        accounts.ensure("matrix-therapist", "THERAPIST", "matrix-therapist", null);
        accounts.ensure("matrix-client", "CLIENT", null, "matrix-client");
        var docs = send("GET", "/v3/api-docs", null, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        apiDocs = json.readTree(docs.body());
    }

    record Operation(String method, String path) {
    }

    private List<Operation> operations() {
        var operations = new ArrayList<Operation>();
        apiDocs.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(method -> operations.add(new Operation(method.getKey().toUpperCase(), path.getKey()))));
        return operations;
    }

    @Test
    void everyOperationHasARuleAndTheDocumentNamesItsRoles() {
        var operations = operations();
        assertThat(operations).hasSizeGreaterThan(60);
        for (var operation : operations) {
            var rule = AccessRules.ruleFor(operation.method(), operation.path());
            assertThat(rule).as("%s %s has no access rule: add one to AccessRules and the README's matrix",
                    operation.method(), operation.path()).isPresent();
            var documented = new ArrayList<String>();
            apiDocs.get("paths").get(operation.path()).get(operation.method().toLowerCase()).get("x-roles")
                    .forEach(role -> documented.add(role.asString()));
            assertThat(documented).as("x-roles of %s", operation)
                    .containsExactlyInAnyOrderElementsOf(rule.get().roles().stream().map(Role::name).toList());
        }
        assertThat(apiDocs.get("components").get("securitySchemes").propertyNames()).contains("basicAuth",
                "sessionCookie");
    }

    @Test
    void everyOperationAnswersEachRoleAsTheRulesSay() throws Exception {
        var tried = new EnumMap<Role, Integer>(Role.class);
        var refused = new EnumMap<Role, Integer>(Role.class);
        var anonymousTried = 0;
        var wrong = new ArrayList<String>();
        for (var operation : operations()) {
            var rule = AccessRules.ruleFor(operation.method(), operation.path()).orElseThrow();
            var path = PATH_VARIABLE.matcher(operation.path()).replaceAll(variable ->
                    variable.group().equals("{weekStart}") ? MONDAY.toString() : "matrix-none");
            var body = operation.method().equals("POST") || operation.method().equals("PUT") ? "{}" : null;

            var anonymous = send(operation.method(), path, body, null);
            anonymousTried++;
            if (anonymous.statusCode() != 401 || !isProblem(anonymous)) {
                wrong.add("anonymous %s %s: %d".formatted(operation.method(), path, anonymous.statusCode()));
            }
            for (var role : Role.values()) {
                var answer = send(operation.method(), path, body, TestAccounts.basic(USERNAMES.get(role)));
                tried.merge(role, 1, Integer::sum);
                var allowed = rule.roles().contains(role);
                var status = answer.statusCode();
                if (status == 403) {
                    refused.merge(role, 1, Integer::sum);
                }
                if (allowed ? status == 401 || status == 403 : status != 403 || !isProblem(answer)) {
                    wrong.add("%s %s %s: %d %s".formatted(role, operation.method(), path, status, answer.body()));
                }
            }
        }
        System.out.printf("AuthorizationMatrixApiTest: anonymous %d calls, all 401; %s calls tried, %s refused "
                + "with 403%n", anonymousTried, tried, refused);
        assertThat(wrong).isEmpty();
    }

    @Test
    void theReadmeMatrixIsTheRulesTable() throws IOException {
        var readme = Files.readString(Path.of("README.md"));
        var section = readme.substring(readme.indexOf("## Who may do what"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        Map<String, Set<Role>> documented = new TreeMap<>();
        var backticked = Pattern.compile("`(GET|POST|PUT|DELETE) ([^`]+)`");
        for (var line : section.lines().filter(l -> l.startsWith("| `")).toList()) {
            var cells = line.split("\\|");
            var roles = EnumSet.noneOf(Role.class);
            for (var role : Role.values()) {
                if (!cells[2 + role.ordinal()].strip().equals("—")) {
                    roles.add(role);
                }
            }
            var endpoints = backticked.matcher(cells[1]);
            while (endpoints.find()) {
                var key = endpoints.group(1) + " " + PATH_VARIABLE.matcher(endpoints.group(2)).replaceAll("*");
                assertThat(documented.put(key, roles)).as("%s twice in the README", key).isNull();
            }
        }
        Map<String, Set<Role>> rules = new TreeMap<>();
        for (var rule : AccessRules.rules()) {
            rules.put(rule.method().name() + " " + rule.pattern(), EnumSet.copyOf(rule.roles()));
        }
        assertThat(documented).isEqualTo(rules);
    }

    private static boolean isProblem(HttpResponse<String> answer) {
        return answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private HttpResponse<String> send(String method, String path, @Nullable String body, @Nullable String authorization)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path.replace(" ", "%20")))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", MediaType.APPLICATION_JSON_VALUE);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
