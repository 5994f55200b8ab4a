package org.spascheduler.security;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Ends the session of an account the manager disabled since it signed in: its next request goes on as no one's (and
 * is answered 401). A password sign-in (Basic) is checked against the stored account on every request anyway.
 */
final class DisabledAccountFilter extends OncePerRequestFilter {

    private final AccountStatus status;

    DisabledAccountFilter(AccountStatus status) {
        this.status = status;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        // A request with its own credentials (Basic) was just checked against the stored account: no second read.
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && authentication != null
                && authentication.getPrincipal() instanceof SignedInAccount account
                && !status.isEnabled(account.caller().accountId())) {
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
