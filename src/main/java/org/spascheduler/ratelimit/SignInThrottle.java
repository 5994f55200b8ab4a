package org.spascheduler.ratelimit;

import java.time.Duration;
import java.util.Optional;

/**
 * Slows down password guessing: after a few failed sign-ins for one username, or many from one address, further
 * attempts are refused for a while before the password is even checked. In one process
 * ({@link InProcessSignInThrottle}) each node counts its own failures; nodes sharing a database would count them there
 * (Bucket4j's JDBC buckets), behind this same interface.
 */
public interface SignInThrottle {

    /** @return empty when a sign-in may be tried now, else how long until the next may */
    Optional<Duration> waitBefore(String username, String address);

    /** A sign-in with a wrong password (or an unknown username) was tried. */
    void failed(String username, String address);
}
