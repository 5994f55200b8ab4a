package org.spascheduler.security;

import org.jspecify.annotations.Nullable;
import org.spascheduler.ratelimit.SignInThrottle;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a password only while the throttle allows one more try for the username and the address, and counts every
 * wrong one. Unknown usernames count as well (Spring reports them as bad credentials too), so probing for names is
 * throttled like guessing passwords. Form sign-in and HTTP Basic both pass through here.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var username = authentication.getName();
        var address = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        var wait = throttle.waitBefore(username, address);
        if (wait.isPresent()) {
            throw new SignInThrottledException(wait.get());
        }
        try {
            return passwords.authenticate(authentication);
        } catch (BadCredentialsException wrong) {
            throttle.failed(username, address);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
