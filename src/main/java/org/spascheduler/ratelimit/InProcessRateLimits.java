package org.spascheduler.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/** A token bucket per caller and kind of request, for the callers seen lately. */
@Component
class InProcessRateLimits implements RateLimits {

    /** Callers beyond this many are forgotten, least recent first: a flood of addresses cannot fill the memory. */
    private static final int CALLERS_KEPT = 10_000;

    private final RateLimitProperties properties;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > CALLERS_KEPT;
        }
    };

    InProcessRateLimits(RateLimitProperties properties) {
        this.properties = properties;
    }

    @Override
    public Optional<Duration> take(String caller, ExpensiveRequest request) {
        var probe = bucket(caller + " " + request).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private synchronized Bucket bucket(String key) {
        return buckets.computeIfAbsent(key, unused -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(properties.burst())
                        .refillGreedy(properties.perSecond(), Duration.ofSeconds(1)).build())
                .build());
    }
}
