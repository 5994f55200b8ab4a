package org.spascheduler.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the API closed while the service starts. Tomcat takes requests before the start-up work is done: the demo
 * spa loaded on a first start ({@code DemoSpaOnFirstStart}) and the repairs a stop interrupted
 * ({@code InterruptedRepairs}); until then the books are empty or mid-repair, and an answer would be about a week that
 * is about to change. So every {@code /api/**} request gets 503 with {@code Retry-After}, as problem+json, until
 * Spring Boot's readiness state is ACCEPTING_TRAFFIC. Boot publishes that once the application runners and the
 * ApplicationReadyEvent listeners have returned, and withdraws it when the service stops;
 * {@code /actuator/health/readiness} reports the same state.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // before any other filter of ours: a closed API reads nothing of the request
class StartUpGate extends OncePerRequestFilter {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private volatile boolean open;

    @EventListener
    void readinessChanged(AvailabilityChangeEvent<ReadinessState> change) {
        open = change.getState() == ReadinessState.ACCEPTING_TRAFFIC;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (open) {
            return true;
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        ProblemResponses.write(request, response, JsonMapper.shared(), HttpStatus.SERVICE_UNAVAILABLE, "Starting up",
                "The service is starting (loading the demo spa or finishing a repair a stop interrupted) and "
                        + "answers once that is done. Retry in %d seconds.".formatted(RETRY_AFTER.toSeconds()));
    }
}
