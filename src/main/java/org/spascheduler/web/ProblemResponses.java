package org.spascheduler.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem+json answer written by a servlet filter, which runs before (or instead of) the controllers and
 * so outside {@code ProblemDetailsAdvice}: the same shape, with {@code field} and {@code errors}.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** A refusal about one field of the request (a header, the body), named in {@code field} and {@code errors}. */
    public static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json,
            HttpStatus status, String title, String field, String reason) throws IOException {
        write(request, response, json, status, title, field + ": " + reason,
                Map.of("field", field, "errors", List.of(new FieldProblem(field, reason))));
    }

    /** A refusal about no field in particular (the service is starting). */
    public static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json,
            HttpStatus status, String title, String detail) throws IOException {
        write(request, response, json, status, title, detail, Map.of());
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json,
            HttpStatus status, String title, String detail, Map<String, Object> properties) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.putAll(new TreeMap<>(properties));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
