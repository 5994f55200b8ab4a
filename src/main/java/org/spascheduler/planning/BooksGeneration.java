package org.spascheduler.planning;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.WithAggregateChange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A number that moves on every write to the spa's books, so that what is derived from them (the front desk's mapped
 * weeks) can be kept between requests and known stale the moment anything changes: appointments, therapists, rooms,
 * clients, care plans, the spa, constraint weights, anything saved or deleted through a Spring Data repository, which
 * is the only way this application writes (reads go through {@code JdbcClient} too, writes never do).
 * <p>
 * The number moves twice: when the write is made, and again when its transaction ends. A reader that copies the books
 * between the two (and sees them as they were, the write not being committed yet) holds the middle number, which is
 * stale by the time the write is visible.
 */
@Component
public class BooksGeneration {

    private final AtomicLong generation = new AtomicLong();

    /** The books as they are now; a copy made after reading this is current while this stays the same. */
    public long current() {
        return generation.get();
    }

    @EventListener
    void onWrite(WithAggregateChange<?> write) {
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        }
    }
}
