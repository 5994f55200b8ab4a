package org.spascheduler.security;

import java.io.IOException;

import org.spascheduler.ratelimit.SignInThrottle;
import org.spascheduler.web.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.NullRequestCache;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in and who may call what. People sign in with a form ({@code POST /login}, a session cookie, CSRF protection
 * through the {@code XSRF-TOKEN} cookie and {@code X-XSRF-TOKEN} header, for the web app); scripts send HTTP Basic on
 * every request. A request that carries an {@code Authorization} header is exempt from CSRF: a browser adds no such
 * header to a forged request, since this service never sends a Basic challenge that would make it remember one.
 * Every {@code /api/**} request is decided by {@link AccessRules}; what no rule names is the manager's only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // a context without a server has no chain
class SecurityConfiguration {

    static final String LOGIN = "/login";
    static final String LOGOUT = "/logout";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserDetailsService accounts,
            PasswordEncoder passwordEncoder, SignInThrottle throttle, AccountStatus status, JsonMapper json)
            throws Exception {
        var refusals = new Refusals(json);
        var dao = new DaoAuthenticationProvider(accounts);
        dao.setPasswordEncoder(passwordEncoder);
        // The chain's only authentication manager, with no parent: nothing can check a password around the throttle.
        AuthenticationManager manager = new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
        http.authenticationManager(manager)
                .addFilterBefore(new DisabledAccountFilter(status), AuthorizationFilter.class)
                .authorizeHttpRequests(authorize -> {
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
                    authorize.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                            "/swagger-ui/**", "/actuator/health", "/actuator/health/**", LOGIN, "/error",
                            // The web app's files: public, every datum they show comes from the API and its rules.
                            "/", "/index.html", "/app/**", "/webjars/**")
                            .permitAll();
                    // Only health is served (application.properties); anything exposed one day is the manager's.
                    authorize.requestMatchers("/actuator/**").hasRole(Role.MANAGER.name());
                    for (var rule : AccessRules.rules()) {
                        authorize.requestMatchers(rule.method(), rule.pattern())
                                .hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                    }
                    // What no rule names is the manager's alone: a new endpoint is closed to every other role until
                    // it has a rule, and the manager still gets the API's own 404 and 405 for a wrong path or method.
                    authorize.anyRequest().hasRole(Role.MANAGER.name());
                })
                .formLogin(form -> form.loginProcessingUrl(LOGIN)
                        .successHandler((request, response, authentication) -> response
                                .setStatus(HttpStatus.NO_CONTENT.value()))
                        .failureHandler(refusals::signInFailed))
                .httpBasic(basic -> basic.authenticationEntryPoint(refusals))
                .logout(logout -> logout.logoutUrl(LOGOUT).logoutSuccessHandler((request, response, authentication) ->
                        response.setStatus(HttpStatus.NO_CONTENT.value())))
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(
                        request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals));
        return http.build();
    }

    /** Every refusal of the chain as problem+json, like the rest of the API. */
    static final class Refusals implements AuthenticationEntryPoint, AccessDeniedHandler {

        private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

        private final JsonMapper json;

        Refusals(JsonMapper json) {
            this.json = json;
        }

        /** Not signed in, or a wrong password: 401 (429 while sign-ins for that name or address are throttled). */
        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException exception) throws IOException {
            if (exception instanceof SignInThrottledException throttled) {
                tooManyAttempts(request, response, throttled);
                return;
            }
            var basic = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
                // Only a script that sent Basic itself is challenged; a browser is never asked, so never remembers.
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"spa-scheduler\"");
                ProblemResponses.write(request, response, json, HttpStatus.UNAUTHORIZED, "Sign-in failed",
                        "The username or password is wrong, or the account is disabled.");
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                    "Session realm=\"spa-scheduler\", login=\"" + LOGIN + "\"");
            ProblemResponses.write(request, response, json, HttpStatus.UNAUTHORIZED, "Sign-in required",
                    "Sign in first: POST " + LOGIN + " with username and password (a session cookie), or send "
                            + "HTTP Basic credentials with each request.");
        }

        void signInFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
                throws IOException {
            if (exception instanceof SignInThrottledException throttled) {
                tooManyAttempts(request, response, throttled);
                return;
            }
            ProblemResponses.write(request, response, json, HttpStatus.UNAUTHORIZED, "Sign-in failed",
                    "The username or password is wrong, or the account is disabled.");
        }

        private void tooManyAttempts(HttpServletRequest request, HttpServletResponse response,
                SignInThrottledException throttled) throws IOException {
            var seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ProblemResponses.write(request, response, json, HttpStatus.TOO_MANY_REQUESTS, "Too many sign-in attempts",
                    "Too many failed sign-ins for this username or from this address; try again in %d s."
                            .formatted(seconds));
        }

        /** Signed in but not allowed: 403. A missing CSRF token on a request with no one signed in is a 401. */
        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                org.springframework.security.access.AccessDeniedException denied) throws IOException {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            var anonymous = authentication == null || TRUST.isAnonymous(authentication);
            if (denied instanceof CsrfException) {
                if (anonymous && !LOGIN.equals(request.getServletPath())) {
                    commence(request, response, new org.springframework.security.authentication
                            .InsufficientAuthenticationException("No one is signed in."));
                    return;
                }
                ProblemResponses.write(request, response, json, HttpStatus.FORBIDDEN, "CSRF token missing or wrong",
                        "A request signed in with the session cookie (and a sign-in form) must send the "
                                + "XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header.");
                return;
            }
            ProblemResponses.write(request, response, json, HttpStatus.FORBIDDEN, "Forbidden",
                    "Your role (%s) may not %s %s.".formatted(
                            authentication == null ? "none" : authentication.getAuthorities().stream()
                                    .map(a -> String.valueOf(a.getAuthority()).replace("ROLE_", "")).sorted()
                                    .findFirst().orElse("none"),
                            request.getMethod(), request.getRequestURI()));
        }
    }
}
