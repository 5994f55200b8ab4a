package org.spascheduler.account;

import org.jspecify.annotations.Nullable;
import org.spascheduler.security.Role;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the manager sends to create and change accounts. */
final class AccountRequests {

    /** Letters, digits, dot, dash, underscore and @: what a person types and a URL or log line carries unescaped. */
    static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@-]{2,99}";

    private AccountRequests() {
    }

    /**
     * @param therapistId required for a THERAPIST account, else left out
     * @param clientId required for a CLIENT account, else left out
     */
    record NewAccount(@NotBlank @Pattern(regexp = USERNAME) String username,
            @NotNull @Size(min = 12, max = 128) String password, @NotNull Role role, @Nullable String therapistId,
            @Nullable String clientId) {

        @Override
        public String toString() {
            return "NewAccount[" + username + ", " + role + "]"; // never the password, not even in a log line
        }
    }

    /**
     * @param enabled false signs the account out of every request from now on
     * @param password a new password, or left out to keep the one it has
     * @param version the version read; 409 when it changed since
     */
    record AccountChange(boolean enabled, @Nullable @Size(min = 12, max = 128) String password,
            @NotNull Integer version) {

        @Override
        public String toString() {
            return "AccountChange[enabled=" + enabled + "]";
        }
    }
}
