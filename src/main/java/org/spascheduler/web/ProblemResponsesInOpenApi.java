package org.spascheduler.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Every operation of the OpenAPI document lists the refusals it can give, each an RFC 9457 problem+json body of one
 * shared schema ({@code Problem}, with an example), so that a client generator knows them: 400 for input of the wrong
 * shape, 404 for an unknown id, 409 for a conflict, 415 for a body that is not JSON, 422 for impossible input, 503 while
 * the service starts. What an operation declares itself is kept.
 */
@Configuration(proxyBeanMethods = false)
class ProblemResponsesInOpenApi {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    GlobalOpenApiCustomizer problemResponses() {
        return openApi -> {
            var components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components.addSchemas(PROBLEM, problemSchema()));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> addRefusals(path, method, operation)));
        };
    }

    private static void addRefusals(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null || !path.startsWith("/api/")) {
            return;
        }
        var responses = operation.getResponses();
        var writes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.DELETE;
        var hasBody = operation.getRequestBody() != null;
        var hasInput = hasBody || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (hasInput) {
            responses.putIfAbsent("400", problem("Input of the wrong shape: malformed JSON, a field missing, unknown "
                    + "or of the wrong type, a bad parameter; `field` names the first, `errors` every one",
                    "Invalid request", 400, "durationMinutes is required", "durationMinutes"));
        }
        if (path.contains("{")) {
            responses.putIfAbsent("404", problem("No record with that id (a record that is not the caller's is "
                    + "answered the same way)", "Not found", 404, "There is no appointment with id (session-999).",
                    "id"));
        }
        if (writes) {
            responses.putIfAbsent("409", problem("A conflict: the version sent is not the current one, the id is "
                    + "taken, the record is still referred to, the time was taken meanwhile, or the week is busy with "
                    + "another change (then with `Retry-After`)", "Conflict", 409,
                    "The session changed since it was read (version 3, now 4).", "version")
                    .addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again, "
                            + "when the week was busy").schema(new IntegerSchema())));
        }
        if (hasBody) {
            responses.putIfAbsent("415", problem("The body is not JSON (YAML, XML, forms and text included)",
                    "Unsupported media type", 415, "Send the body as application/json.", "Content-Type"));
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            responses.putIfAbsent("422", problem("Well-formed but impossible: a reference to nothing, a time in the "
                    + "past, a hard rule the change would break (each named in words); `errors` lists every problem",
                    "Unprocessable", 422, "startsAt would break a hard rule: Therapist conflict: Anna has two "
                            + "sessions at once on Tuesday 10:00", "startsAt"));
        }
        responses.putIfAbsent("503", problem("The service is starting (the demo load, a repair a stop cut short); "
                + "`Retry-After` says when to try again", "Starting up", 503,
                "The service is starting and answers once that is done. Retry in 5 seconds.", "request")
                .addHeaderObject("Retry-After", new Header().description("Seconds to wait").schema(new IntegerSchema())));
    }

    private static ApiResponse problem(String description, String title, int status, String detail, String field) {
        var example = new LinkedHashMap<String, Object>();
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", "/api/appointments/session-101");
        example.put("field", field);
        example.put("errors", List.of(Map.of("field", field, "reason", detail)));
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example)));
    }

    private static Schema<?> problemSchema() {
        var error = new ObjectSchema().description("One offending field and why")
                .addProperty("field", new StringSchema().description("The field, by JSON path (e.g. "
                        + "appointments[3].startsAt), or the parameter or header"))
                .addProperty("reason", new StringSchema().description("Why it is refused, in words"));
        return new ObjectSchema().description("An RFC 9457 problem: why a request was refused")
                .addProperty("type", new StringSchema().description("A URI naming the kind of problem; about:blank "
                        + "when the status says it all"))
                .addProperty("title", new StringSchema().description("The kind of problem, short"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What was wrong with this request, in words"))
                .addProperty("instance", new StringSchema().description("The path of the request"))
                .addProperty("field", new StringSchema().description("The first offending field"))
                .addProperty("errors", new ArraySchema().items(error).description("Every offending field"));
    }
}
