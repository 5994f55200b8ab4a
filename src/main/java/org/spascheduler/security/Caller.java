package org.spascheduler.security;

import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.spascheduler.web.NotFoundException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in account a request runs for, and the object-level checks every controller shares (OWASP API1): a client
 * or therapist asking for a record that is not theirs gets the same 404 as for an id that names nothing, so that an id
 * is never confirmed to exist.
 *
 * @param clientId the client record a CLIENT account is linked to, else null
 * @param therapistId the therapist record a THERAPIST account is linked to, else null
 */
public record Caller(String accountId, String username, Role role, @Nullable String clientId,
        @Nullable String therapistId) {

    public Caller {
        if ((role == Role.CLIENT) != (clientId != null) || (role == Role.THERAPIST) != (therapistId != null)) {
            throw new IllegalArgumentException("A %s account (%s) links to client (%s) and therapist (%s); a client "
                    .formatted(role, username, clientId, therapistId) + "account links to exactly a client, a "
                    + "therapist's to exactly a therapist, staff to neither.");
        }
    }

    /**
     * The caller of the request this thread serves. Every {@code /api/**} endpoint is behind sign-in
     * ({@link AccessRules}), so a controller always has one.
     */
    public static Caller current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("No one is signed in.");
        }
        if (authentication.getPrincipal() instanceof SignedInAccount account) {
            return account.caller();
        }
        // Signed in some other way (a test's mock user): staff roles only, since nothing links it to a record.
        var role = authentication.getAuthorities().stream().map(authority -> authority.getAuthority())
                .filter(Objects::nonNull).filter(name -> name.startsWith("ROLE_"))
                .map(name -> name.substring("ROLE_".length()))
                .filter(name -> Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
                .map(Role::valueOf).filter(r -> r == Role.MANAGER || r == Role.FRONT_DESK).findFirst()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException(
                        "(%s) has no staff role and no linked record.".formatted(authentication.getName())));
        return new Caller(authentication.getName(), authentication.getName(), role, null, null);
    }

    public boolean is(Role... roles) {
        return Arrays.asList(roles).contains(role);
    }

    /** The manager or the front desk: they see every client's records. */
    public boolean isStaff() {
        return is(Role.MANAGER, Role.FRONT_DESK);
    }

    /**
     * A CLIENT may only name their own client record; anyone else passes. For a filter, null means "mine".
     *
     * @return the client id to use: the caller's own for a CLIENT, else the one asked for
     */
    public @Nullable String ownClientOr(String field, @Nullable String requested) {
        if (role != Role.CLIENT) {
            return requested;
        }
        if (requested != null && !requested.equals(clientId)) {
            throw new NotFoundException("client", field, requested);
        }
        return clientId;
    }

    /** Like {@link #ownClientOr} for a THERAPIST and their own therapist record. */
    public @Nullable String ownTherapistOr(String field, @Nullable String requested) {
        if (role != Role.THERAPIST) {
            return requested;
        }
        if (requested != null && !requested.equals(therapistId)) {
            throw new NotFoundException("therapist", field, requested);
        }
        return therapistId;
    }

    /**
     * A record that belongs to a client (a session, a care plan): staff see it, its client sees it, a therapist sees
     * it when the therapist is given and is theirs; anyone else is told there is no such record.
     *
     * @param what what was asked for, as the 404 names it ("appointment")
     * @param therapistIdOfRecord the therapist the record is with, if it has one
     */
    public void requireVisible(String what, String field, String id, String clientIdOfRecord,
            @Nullable String therapistIdOfRecord) {
        var visible = switch (role) {
            case MANAGER, FRONT_DESK -> true;
            case CLIENT -> clientIdOfRecord.equals(clientId);
            case THERAPIST -> therapistIdOfRecord != null && therapistIdOfRecord.equals(therapistId);
        };
        if (!visible) {
            throw new NotFoundException(what, field, id);
        }
    }
}
