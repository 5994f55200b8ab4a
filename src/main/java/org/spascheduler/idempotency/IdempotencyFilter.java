package org.spascheduler.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.spascheduler.web.CachedBodyRequest;
import org.spascheduler.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes every {@code POST /api/...} sent with an {@code Idempotency-Key} header safe to retry: the first request with
 * a key runs and its answer (status, body, Location) is kept; a retry with the same key and the same request gets that
 * answer again, marked {@code Idempotent-Replayed: true}, without running again. The same key with another request
 * (another path or body) is a 422; a retry while the first is still running is a 409 with {@code Retry-After}.
 * Answers that say "try again later" (429, 503) and server errors are not kept, so that a retry runs anew.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    /** Visible ASCII, as a UUID or any client's own scheme would be; long enough for both. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final List<Integer> NOT_KEPT = List.of(429, 503);

    private final IdempotentRequests requests;
    private final JsonMapper json;

    IdempotencyFilter(IdempotentRequests requests, JsonMapper json) {
        this.requests = requests;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "Invalid request",
                    "must be 1 to 200 visible ASCII characters, such as a UUID");
            return;
        }
        var body = request.getInputStream().readAllBytes();
        var caller = request.getRemoteUser() == null ? "" : request.getRemoteUser();
        var claim = requests.claim(caller, key, hash(request, body));
        if (claim instanceof IdempotentRequests.Replay replay) {
            replay(replay, response);
        } else if (claim instanceof IdempotentRequests.Mismatch) {
            refuse(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
                    "(%s) was used before with another request (another path or body); use a new key for a new "
                            .formatted(key) + "request");
        } else if (claim instanceof IdempotentRequests.InProgress) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            refuse(request, response, HttpStatus.CONFLICT, "Request in progress", "(%s): the first request with this "
                    .formatted(key) + "key is still being answered; retry in a moment for its answer");
        } else {
            runOnce(request, response, chain, caller, key, body);
        }
    }

    private void runOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String caller,
            String key, byte[] body) throws ServletException, IOException {
        var answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), answer);
        } catch (ServletException | IOException | RuntimeException failure) {
            requests.release(caller, key);
            throw failure;
        }
        var status = answer.getStatus();
        if (status >= 500 || NOT_KEPT.contains(status)) {
            requests.release(caller, key);
        } else {
            requests.complete(caller, key, status, answer.getContentType(), answer.getHeader(HttpHeaders.LOCATION),
                    answer.getContentAsByteArray());
        }
        answer.copyBodyToResponse();
    }

    private static void replay(IdempotentRequests.Replay replay, HttpServletResponse response) throws IOException {
        response.setStatus(replay.status());
        response.setHeader(REPLAYED, "true");
        if (replay.contentType() != null) {
            response.setContentType(replay.contentType());
        }
        if (replay.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, replay.location());
        }
        response.setContentLength(replay.body().length);
        response.getOutputStream().write(replay.body());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
            String reason) throws IOException {
        ProblemResponses.write(request, response, json, status, title, HEADER, reason);
    }

    /** What identifies a request: the same key with another of these is a mistake, not a retry. */
    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var query = request.getQueryString() == null ? "" : request.getQueryString();
            digest.update((request.getRequestURI() + "?" + query + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }
}
