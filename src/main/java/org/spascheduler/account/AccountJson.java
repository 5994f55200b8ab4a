package org.spascheduler.account;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;
import org.spascheduler.security.Role;

/** An account as the API shows it: never its password or hash. */
record AccountJson(String id, String username, Role role, @Nullable String therapistId, @Nullable String clientId,
        boolean enabled, LocalDateTime createdAt, @Nullable Integer version) {

    static AccountJson from(StoredAccount account) {
        return new AccountJson(account.id(), account.username(), account.role(), account.therapistId(),
                account.clientId(), account.enabled(), account.createdAt(), account.version());
    }
}
