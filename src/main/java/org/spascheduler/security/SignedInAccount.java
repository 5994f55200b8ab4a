package org.spascheduler.security;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A stored account as Spring Security signs it in, with the record it is linked to. Built by the account package's
 * {@code UserDetailsService}; the password hash is erased once the sign-in is checked, so a session never holds it.
 */
public final class SignedInAccount implements UserDetails, CredentialsContainer {

    private final String accountId;
    private final String username;
    private @Nullable String passwordHash;
    private final Role role;
    private final @Nullable String clientId;
    private final @Nullable String therapistId;
    private final boolean enabled;

    public SignedInAccount(String accountId, String username, String passwordHash, Role role,
            @Nullable String clientId, @Nullable String therapistId, boolean enabled) {
        this.accountId = accountId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.clientId = clientId;
        this.therapistId = therapistId;
        this.enabled = enabled;
    }

    public Caller caller() {
        return new Caller(accountId, username, role, clientId, therapistId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInAccount account && account.accountId.equals(accountId);
    }

    @Override
    public int hashCode() {
        return accountId.hashCode();
    }

    @Override
    public String toString() {
        return "SignedInAccount[" + username + ", " + role + "]";
    }
}
