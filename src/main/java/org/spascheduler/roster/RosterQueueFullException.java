package org.spascheduler.roster;

import java.time.Duration;
import java.util.List;

import org.spascheduler.web.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The roster job queue is full: answered 429 with {@code Retry-After}, in the shape of the rate limit's 429 (title
 * "Too many requests", {@code field} and {@code errors}), and nothing is queued. An {@link ErrorResponseException}, so
 * that web.ProblemDetailsAdvice answers it as Spring's own errors, with its status and headers.
 */
class RosterQueueFullException extends ErrorResponseException {

    static final String TITLE = "Too many requests";

    /**
     * @param retryAfter when a place is likely free: the soonest a running job ends on its time budget
     */
    RosterQueueFullException(int running, int queued, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(running, queued, seconds(retryAfter)), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
    }

    /** Whole seconds, at least 1, rounded up: a client that waits that long never comes back too early. */
    static long seconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    private static ProblemDetail problem(int running, int queued, long seconds) {
        var reason = ("the roster job queue is full (%d solving, %d waiting, which is as many as may wait); nothing "
                + "was queued: try again in %d s, or stop a job you no longer need").formatted(running, queued,
                        seconds);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "request: " + reason);
        problem.setTitle(TITLE);
        problem.setProperty("field", "request");
        problem.setProperty("errors", List.of(new FieldProblem("request", reason)));
        return problem;
    }
}
