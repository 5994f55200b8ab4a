package org.spascheduler.ratelimit;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether a caller may make one more expensive request now. In one process ({@link InProcessRateLimits}) each service
 * node counts its own callers; several nodes behind a balancer would share buckets in the database instead (Bucket4j
 * has JDBC-backed buckets), without changing the filter.
 */
interface RateLimits {

    /** @return empty when the request may go ahead (and is counted), else how long to wait before the next one */
    Optional<Duration> take(String caller, ExpensiveRequest request);
}
