package org.spascheduler.security;

import static org.spascheduler.security.Role.CLIENT;
import static org.spascheduler.security.Role.FRONT_DESK;
import static org.spascheduler.security.Role.MANAGER;
import static org.spascheduler.security.Role.THERAPIST;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which roles may call which endpoint: the one table the security filter chain enforces, the OpenAPI document shows
 * per operation ({@code x-roles}) and the authorisation matrix test checks against the README. The first rule that
 * matches a request decides; a request no rule names is refused to every role but the manager (deny by default), so
 * a new endpoint is closed to the others until it is given a row here. Which records within an endpoint a role may
 * see (a client only their own) is the controllers' object-level check, {@link Caller}.
 */
public final class AccessRules {

    /**
     * @param pattern a Spring path pattern ({@code *} is one path segment)
     * @param scope for the OpenAPI and README: what the non-staff roles see or may do there, or empty
     */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles, String scope) {

        public Rule {
            roles = Set.copyOf(roles);
        }

        boolean matches(HttpMethod method, String path) {
            return this.method.equals(method) && PARSED.get(this).matches(PathContainer.parsePath(path));
        }
    }

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> STAFF = EnumSet.of(MANAGER, FRONT_DESK);
    private static final Set<Role> STAFF_AND_THERAPISTS = EnumSet.of(MANAGER, FRONT_DESK, THERAPIST);
    private static final Set<Role> STAFF_AND_CLIENTS = EnumSet.of(MANAGER, FRONT_DESK, CLIENT);
    private static final Set<Role> MANAGER_ONLY = EnumSet.of(MANAGER);

    private static final String OWN_CLIENT = "a client: only their own (another client's id is a 404)";

    private static final List<Rule> RULES = List.of(
            // The spa's records: everyone signed in reads what a booking needs; the manager writes.
            rule("GET", "/api/spa", EVERYONE, ""),
            rule("PUT", "/api/spa", MANAGER_ONLY, ""),
            rule("GET", "/api/treatments", EVERYONE, ""),
            rule("GET", "/api/treatments/*", EVERYONE, ""),
            rule("POST", "/api/treatments", MANAGER_ONLY, ""),
            rule("PUT", "/api/treatments/*", MANAGER_ONLY, ""),
            rule("DELETE", "/api/treatments/*", MANAGER_ONLY, ""),
            rule("GET", "/api/therapists", EVERYONE,
                    "a client: first names and skills only; a therapist: colleagues without time off or wishes"),
            rule("GET", "/api/therapists/*", EVERYONE,
                    "a client: first name and skills only; a therapist: colleagues without time off or wishes"),
            rule("POST", "/api/therapists", MANAGER_ONLY, ""),
            rule("PUT", "/api/therapists/*", MANAGER_ONLY, ""),
            rule("DELETE", "/api/therapists/*", MANAGER_ONLY, ""),
            rule("GET", "/api/rooms", STAFF_AND_THERAPISTS, ""),
            rule("GET", "/api/rooms/*", STAFF_AND_THERAPISTS, ""),
            rule("POST", "/api/rooms", MANAGER_ONLY, ""),
            rule("PUT", "/api/rooms/*", MANAGER_ONLY, ""),
            rule("DELETE", "/api/rooms/*", MANAGER_ONLY, ""),
            rule("GET", "/api/clients", STAFF, ""),
            rule("GET", "/api/clients/*", STAFF_AND_CLIENTS, OWN_CLIENT),
            rule("POST", "/api/clients", STAFF, ""),
            rule("PUT", "/api/clients/*", STAFF, ""),
            rule("DELETE", "/api/clients/*", MANAGER_ONLY, ""),
            // A client's journey (before /api/care-plans/*: the first match decides).
            rule("POST", "/api/care-plans/suggestions", STAFF_AND_CLIENTS, OWN_CLIENT),
            rule("POST", "/api/care-plans/suggestions/accept", STAFF_AND_CLIENTS, OWN_CLIENT),
            rule("GET", "/api/care-plans/*/progress", STAFF_AND_CLIENTS, OWN_CLIENT),
            rule("POST", "/api/care-plans/*/sessions/*/cancel", STAFF_AND_CLIENTS,
                    OWN_CLIENT + "; late when the session starts within 24 hours"),
            rule("POST", "/api/care-plans/*/suggestions", STAFF_AND_CLIENTS, OWN_CLIENT),
            rule("GET", "/api/care-plans", STAFF_AND_CLIENTS, OWN_CLIENT),
            rule("GET", "/api/care-plans/*", STAFF_AND_CLIENTS, OWN_CLIENT),
            rule("POST", "/api/care-plans", MANAGER_ONLY, ""),
            rule("PUT", "/api/care-plans/*", MANAGER_ONLY, ""),
            rule("DELETE", "/api/care-plans/*", MANAGER_ONLY, ""),
            rule("GET", "/api/appointments", EVERYONE,
                    "a therapist: only their own sessions; a client: only their own"),
            rule("GET", "/api/appointments/*", EVERYONE,
                    "a therapist: only their own sessions; a client: only their own (others are a 404)"),
            rule("POST", "/api/appointments", MANAGER_ONLY, ""),
            rule("PUT", "/api/appointments/*", MANAGER_ONLY, ""),
            rule("DELETE", "/api/appointments/*", MANAGER_ONLY, ""),
            // Whole weeks, roster jobs and the week's roster.
            rule("GET", "/api/weeks", EVERYONE, ""),
            rule("GET", "/api/weeks/*/export", MANAGER_ONLY, ""),
            rule("POST", "/api/weeks/import", MANAGER_ONLY, ""),
            rule("GET", "/api/weeks/*/roster", STAFF_AND_THERAPISTS,
                    "a therapist: only their own sessions, with their clients' names and treatments"),
            rule("GET", "/api/weeks/*/explanation", STAFF, ""),
            rule("POST", "/api/weeks/*/publish", MANAGER_ONLY, ""),
            rule("GET", "/api/weeks/*/events", STAFF, ""),
            rule("POST", "/api/rosters", MANAGER_ONLY, ""),
            rule("GET", "/api/rosters", MANAGER_ONLY, ""),
            rule("GET", "/api/rosters/*", MANAGER_ONLY, ""),
            rule("DELETE", "/api/rosters/*", MANAGER_ONLY, ""),
            rule("GET", "/api/constraint-weights", MANAGER_ONLY, ""),
            rule("GET", "/api/constraint-weights/*", MANAGER_ONLY, ""),
            rule("PUT", "/api/constraint-weights/*", MANAGER_ONLY, ""),
            rule("DELETE", "/api/constraint-weights/*", MANAGER_ONLY, ""),
            // The front desk.
            rule("POST", "/api/front-desk/cancellations", STAFF_AND_CLIENTS,
                    OWN_CLIENT + "; late when the session starts within 24 hours"),
            rule("POST", "/api/front-desk/therapist-unavailable", STAFF_AND_THERAPISTS,
                    "a therapist: only themselves (another therapist's id is a 404)"),
            rule("POST", "/api/front-desk/room-out-of-service", STAFF, ""),
            rule("POST", "/api/front-desk/booking-requests", STAFF, ""),
            rule("POST", "/api/front-desk/releases", STAFF, ""),
            rule("POST", "/api/front-desk/moves", STAFF, ""),
            rule("POST", "/api/front-desk/slot-options", STAFF_AND_CLIENTS, OWN_CLIENT),
            rule("POST", "/api/front-desk/bookings", STAFF, ""),
            // Accounts (before /api/accounts/*).
            rule("GET", "/api/accounts/me", EVERYONE, "the caller's own account"),
            rule("GET", "/api/accounts", MANAGER_ONLY, ""),
            rule("GET", "/api/accounts/*", MANAGER_ONLY, ""),
            rule("POST", "/api/accounts", MANAGER_ONLY, ""),
            rule("PUT", "/api/accounts/*", MANAGER_ONLY, ""));

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
    private static final Map<Rule, PathPattern> PARSED = RULES.stream()
            .collect(Collectors.toUnmodifiableMap(rule -> rule, rule -> PARSER.parse(rule.pattern())));

    private AccessRules() {
    }

    public static List<Rule> rules() {
        return RULES;
    }

    /** The rule that decides a request to this path (no query), or empty: then only a denial. */
    public static Optional<Rule> ruleFor(String method, String path) {
        var httpMethod = HttpMethod.valueOf(method);
        return RULES.stream().filter(rule -> rule.matches(httpMethod, path)).findFirst();
    }

    private static Rule rule(String method, String pattern, Set<Role> roles, String scope) {
        return new Rule(HttpMethod.valueOf(method), pattern, roles, scope);
    }
}
