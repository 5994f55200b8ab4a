package org.spascheduler.week;

import java.io.IOException;

import org.spascheduler.web.CachedBodyRequest;
import org.spascheduler.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A week document larger than any spa's week ({@code spa.import.max-size}) is refused with 413 before it is read: a
 * 25 MB document of 60,000 sessions would otherwise be parsed, checked and stored, and then overwhelm every roster job
 * of its week. A body without a length (chunked) is refused too once it reads past the limit.
 */
@Component
class ImportSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper json;

    ImportSizeLimit(ImportProperties properties, JsonMapper json) {
        this.maxBytes = properties.maxSize().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().equals("/api/weeks/import");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(request, response, declared);
            return;
        }
        if (declared < 0) {
            var body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                tooLarge(request, response, body.length);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long bytes) throws IOException {
        ProblemResponses.write(request, response, json, HttpStatus.CONTENT_TOO_LARGE, "Document too large", "body",
                "(%s bytes or more) is larger than a week document may be (%d bytes, spa.import.max-size); import "
                        .formatted(bytes, maxBytes) + "one week at a time");
    }
}
