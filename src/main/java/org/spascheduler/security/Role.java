package org.spascheduler.security;

/** What an account may do; the README's role matrix and {@link AccessRules} say which endpoints each may call. */
public enum Role {
    /** Runs the spa: every record, weights, roster jobs, publishing, import and export, accounts. */
    MANAGER,
    /** Reads the spa's records and the roster, records every front-desk event, books for any client. */
    FRONT_DESK,
    /** Reads their own roster and their own clients' sessions; reports themselves unavailable. */
    THERAPIST,
    /** Their own profile, sessions and care plans; slot options and plan suggestions for themselves. */
    CLIENT;

    /** Spring Security's name for it, as a {@code GrantedAuthority}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
