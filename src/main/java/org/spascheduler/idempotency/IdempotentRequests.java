package org.spascheduler.idempotency;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The requests sent with an idempotency key and their answers, in the database: the first request with a key claims
 * it (a row whose status is still null), and its answer is written to the row before it is sent. Claiming is one
 * insert against the primary key, so two nodes racing with the same key cannot both run it.
 */
@Repository
class IdempotentRequests {

    /** What to do with a request that carries a key. */
    sealed interface Claim {
    }

    /** The key is new (or its first request died): run the request, then {@link #complete} or {@link #release}. */
    record Claimed() implements Claim {
    }

    /** The key was used with another request: refused, so that a mix-up of keys is noticed. */
    record Mismatch() implements Claim {
    }

    /** The first request with the key is still being answered. */
    record InProgress() implements Claim {
    }

    /** The first request's answer, to send again. */
    record Replay(int status, @Nullable String contentType, @Nullable String location, byte[] body) implements Claim {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final IdempotencyProperties properties;

    IdempotentRequests(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
            IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // The claim must be committed before the request runs, whatever transaction the caller is in.
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.properties = properties;
    }

    Claim claim(String caller, String key, String requestHash) {
        var now = now();
        return ownTransaction.execute(status -> {
            jdbc.sql("DELETE FROM IDEMPOTENT_REQUEST WHERE CLAIMED_AT < ?").param(now.minus(properties.keep()))
                    .update();
            try {
                jdbc.sql("INSERT INTO IDEMPOTENT_REQUEST (CALLER, IDEMPOTENCY_KEY, REQUEST_HASH, CLAIMED_AT) "
                        + "VALUES (?, ?, ?, ?)").params(caller, key, requestHash, now).update();
                return new Claimed();
            } catch (DuplicateKeyException usedBefore) {
                return existing(caller, key, requestHash, now);
            }
        });
    }

    private Claim existing(String caller, String key, String requestHash, LocalDateTime now) {
        var stored = jdbc.sql("SELECT REQUEST_HASH, CLAIMED_AT, STATUS, CONTENT_TYPE, LOCATION, BODY "
                + "FROM IDEMPOTENT_REQUEST WHERE CALLER = ? AND IDEMPOTENCY_KEY = ?").params(caller, key)
                .query((row, index) -> new Stored(row.getString(1), row.getObject(2, LocalDateTime.class),
                        (Integer) row.getObject(3), row.getString(4), row.getString(5), row.getBytes(6)))
                .single();
        if (!stored.requestHash().equals(requestHash)) {
            return new Mismatch();
        }
        if (stored.status() != null) {
            return new Replay(stored.status(), stored.contentType(), stored.location(),
                    stored.body() == null ? new byte[0] : stored.body());
        }
        if (stored.claimedAt().isBefore(now.minus(properties.abandonAfter()))) {
            var taken = jdbc.sql("UPDATE IDEMPOTENT_REQUEST SET CLAIMED_AT = ? WHERE CALLER = ? "
                    + "AND IDEMPOTENCY_KEY = ? AND STATUS IS NULL AND CLAIMED_AT = ?")
                    .params(now, caller, key, stored.claimedAt()).update();
            return taken == 1 ? new Claimed() : new InProgress();
        }
        return new InProgress();
    }

    private record Stored(String requestHash, LocalDateTime claimedAt, @Nullable Integer status,
            @Nullable String contentType, @Nullable String location, byte @Nullable [] body) {
    }

    /** Keeps the answer for retries; written before the answer is sent. */
    void complete(String caller, String key, int status, @Nullable String contentType, @Nullable String location,
            byte[] body) {
        ownTransaction.executeWithoutResult(transaction -> jdbc.sql("UPDATE IDEMPOTENT_REQUEST SET STATUS = ?, "
                + "CONTENT_TYPE = ?, LOCATION = ?, BODY = ? WHERE CALLER = ? AND IDEMPOTENCY_KEY = ?")
                .params(status, contentType, location, body, caller, key).update());
    }

    /** Lets a retry run the request again: its first attempt failed in a way worth retrying. */
    void release(String caller, String key) {
        ownTransaction.executeWithoutResult(transaction -> jdbc.sql("DELETE FROM IDEMPOTENT_REQUEST WHERE CALLER = ? "
                + "AND IDEMPOTENCY_KEY = ? AND STATUS IS NULL").params(caller, key).update());
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
