package org.spascheduler.planning;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.WithAggregateChange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link BooksGeneration} for one service node: counts the writes this JVM makes, through Spring Data's aggregate
 * change events (every write of the application goes through a repository). A write made by another node is not
 * seen, so several nodes on one database need a generation they all read (e.g. a row bumped in every write's
 * transaction), which replaces this bean.
 * <p>
 * The number moves twice: when the write is made, and again when its transaction ends. A reader that copies the books
 * between the two (and sees them as they were, the write not being committed yet) holds the middle number, which is
 * stale by the time the write is visible.
 */
@Component
class InProcessBooksGeneration implements BooksGeneration {

    private final AtomicLong generation = new AtomicLong();

    @Override
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
