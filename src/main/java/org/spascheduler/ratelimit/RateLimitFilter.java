package org.spascheduler.ratelimit;

import java.io.IOException;

import org.spascheduler.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers an expensive request beyond its caller's budget with 429, {@code Retry-After} (whole seconds) and
 * problem+json, before any work is done. The caller is the signed-in account when there is one, else the address.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final JsonMapper json;

    RateLimitFilter(RateLimits limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var expensive = ExpensiveRequest.of(request.getMethod(), request.getRequestURI());
        if (expensive.isPresent()) {
            var caller = request.getRemoteUser() != null ? request.getRemoteUser() : request.getRemoteAddr();
            var wait = limits.take(caller, expensive.get());
            if (wait.isPresent()) {
                var seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                ProblemResponses.write(request, response, json, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                        "request", "(%s) asked for too often by this caller; try again in %d s"
                                .formatted(request.getMethod() + " " + request.getRequestURI(), seconds));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
