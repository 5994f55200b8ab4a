package org.spascheduler.account;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;
import org.spascheduler.security.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An account as stored. {@code passwordHash} is the DelegatingPasswordEncoder's form, {@code {bcrypt}$2a$10$...};
 * the password itself is never stored.
 */
@Table("ACCOUNT")
record StoredAccount(@Id String id, String username, String passwordHash, Role role, @Nullable String therapistId,
        @Nullable String clientId, boolean enabled, LocalDateTime createdAt, @Version @Nullable Integer version) {

    StoredAccount withEnabled(boolean enabled) {
        return new StoredAccount(id, username, passwordHash, role, therapistId, clientId, enabled, createdAt, version);
    }

    StoredAccount withPasswordHash(String passwordHash) {
        return new StoredAccount(id, username, passwordHash, role, therapistId, clientId, enabled, createdAt, version);
    }
}
