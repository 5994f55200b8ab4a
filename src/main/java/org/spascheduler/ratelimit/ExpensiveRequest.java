package org.spascheduler.ratelimit;

import java.util.Optional;
import java.util.regex.Pattern;

/** The requests that cost the service the most, each with a budget of its own per caller. */
enum ExpensiveRequest {

    ROSTER_JOB("POST", "/api/rosters"),
    EXPLANATION("GET", "/api/weeks/[^/]+/explanation"),
    SLOT_OPTIONS("POST", "/api/front-desk/slot-options"),
    PLAN_SUGGESTIONS("POST", "/api/care-plans(/[^/]+)?/suggestions"),
    WEEK_IMPORT("POST", "/api/weeks/import");

    private final String method;
    private final Pattern path;

    ExpensiveRequest(String method, String path) {
        this.method = method;
        this.path = Pattern.compile(path);
    }

    static Optional<ExpensiveRequest> of(String method, String path) {
        for (var request : values()) {
            if (request.method.equals(method) && request.path.matcher(path).matches()) {
                return Optional.of(request);
            }
        }
        return Optional.empty();
    }
}
