package org.spascheduler.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json,
            HttpStatus status, String title, String field, String reason) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", field + ": " + reason);
        problem.put("instance", request.getRequestURI());
        problem.put("field", field);
        problem.put("errors", List.of(new FieldProblem(field, reason)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
