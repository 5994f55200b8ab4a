package org.spascheduler.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before its password was checked: too many failures lately (answered 429). */
final class SignInThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    SignInThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins; retry after " + retryAfter + ".");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
