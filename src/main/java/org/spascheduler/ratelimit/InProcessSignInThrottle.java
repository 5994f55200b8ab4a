package org.spascheduler.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Failed sign-ins counted in token buckets: one per username (a guesser trying one account from many addresses) and
 * one per address (one address trying many accounts). A failure takes a token; a sign-in is refused while either
 * bucket is empty, until it refills. A right password takes nothing.
 */
@Component
class InProcessSignInThrottle implements SignInThrottle {

    /** Usernames and addresses beyond this many are forgotten, least recent first. */
    private static final int KEYS_KEPT = 10_000;

    private final SignInThrottleProperties properties;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > KEYS_KEPT;
        }
    };

    InProcessSignInThrottle(SignInThrottleProperties properties) {
        this.properties = properties;
    }

    @Override
    public Optional<Duration> waitBefore(String username, String address) {
        var wait = Math.max(nanosToWait(userBucket(username)), nanosToWait(addressBucket(address)));
        return wait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
    }

    @Override
    public void failed(String username, String address) {
        userBucket(username).tryConsume(1);
        addressBucket(address).tryConsume(1);
    }

    private static long nanosToWait(Bucket bucket) {
        return bucket.getAvailableTokens() >= 1 ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private Bucket userBucket(String username) {
        return bucket("user " + username.toLowerCase(Locale.ROOT), properties.failuresPerUsername());
    }

    private Bucket addressBucket(String address) {
        return bucket("address " + address, properties.failuresPerAddress());
    }

    private synchronized Bucket bucket(String key, long failures) {
        return buckets.computeIfAbsent(key, unused -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(failures)
                        .refillGreedy(failures, properties.refillPeriod()).build())
                .build());
    }
}
