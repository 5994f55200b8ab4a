package org.spascheduler.carejourney;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The server's key that signs suggestion ids ({@link SuggestionIds}). {@code spa.suggestions.signing-key} gives it when
 * set (at least 32 characters); otherwise it is made at random on the first start and kept in the database, so that it
 * survives restarts and every node of the service signs and checks with the same key. Of two nodes starting at once,
 * the first to store its key wins and the other reads it.
 */
@Component
class SuggestionKey {

    static final String NAME = "suggestion-signing-key";
    static final int MIN_CONFIGURED_LENGTH = 32;
    private static final int KEY_BYTES = 32;

    private final byte[] key;

    SuggestionKey(JdbcClient jdbc, @Value("${spa.suggestions.signing-key:}") String configured) {
        if (!configured.isEmpty()) {
            if (configured.length() < MIN_CONFIGURED_LENGTH) {
                throw new IllegalStateException("spa.suggestions.signing-key is too short (%d characters); give at "
                        .formatted(configured.length()) + "least %d, or leave it out to have one made and stored."
                                .formatted(MIN_CONFIGURED_LENGTH));
            }
            this.key = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            this.key = Base64.getDecoder().decode(storedOrNew(jdbc));
        }
    }

    byte[] bytes() {
        return key.clone();
    }

    private static String storedOrNew(JdbcClient jdbc) {
        var stored = read(jdbc);
        if (stored != null) {
            return stored;
        }
        var fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        try {
            jdbc.sql("INSERT INTO server_secret (name, secret, created_at) VALUES (?, ?, ?)")
                    .params(NAME, Base64.getEncoder().encodeToString(fresh), LocalDateTime.now(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // Its key is the one to use.
        }
        var kept = read(jdbc);
        if (kept == null) {
            throw new IllegalStateException("The suggestion signing key could not be stored.");
        }
        return kept;
    }

    private static @Nullable String read(JdbcClient jdbc) {
        return jdbc.sql("SELECT secret FROM server_secret WHERE name = ?").param(NAME).query(String.class)
                .optional().orElse(null);
    }
}
