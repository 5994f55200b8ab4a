package org.spascheduler.common;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.spascheduler.web.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Holds the records a write refers to until the write commits, so that a record deleted meanwhile never leaves a
 * reference to nothing behind. H2's foreign keys alone do not: a session inserted into a room and the room's delete,
 * in two transactions at once, each see the other's row as not yet there, both commit, and the week then names a
 * room that is gone. Locking the referred row first makes one of them wait for the other: the delete then fails on
 * the foreign key (409, still referred to), or the write finds the row gone (409 naming its field).
 * <p>
 * Called from the repositories' before-save callbacks (e.g. {@code booking.AppointmentReferences}), so every path that
 * writes a session, a care plan or a client is covered, whatever service it comes through.
 */
@Component
public class ReferencedRows {

    private final JdbcClient jdbc;

    ReferencedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the row for the rest of the transaction (once per transaction and row).
     *
     * @param table a table of this schema (never request input)
     * @param field the request field that carries the id, for the 409
     * @param what what the row is, in words, for the 409
     * @throws ConflictException when the row is gone
     */
    public void hold(String table, String field, String what, @Nullable String id) {
        if (id == null || !TransactionSynchronizationManager.isActualTransactionActive()
                || !heldInThisTransaction().add(table + "/" + id)) {
            return;
        }
        var found = jdbc.sql("SELECT id FROM " + table + " WHERE id = ? FOR UPDATE").param(id).query(String.class)
                .optional();
        if (found.isEmpty()) {
            throw new ConflictException(field, ("The %s (%s) was deleted while this was being written; nothing was "
                    + "written. Choose another %s, or create it again.").formatted(what, id, what), null);
        }
    }

    @SuppressWarnings("unchecked")
    private Set<String> heldInThisTransaction() {
        var held = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            var fresh = new HashSet<String>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ReferencedRows.this);
                }
            });
            return fresh;
        }
        return held;
    }
}
