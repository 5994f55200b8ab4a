package org.spascheduler.books;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A whole week document imported over the week's sessions, recorded as one event. The import checks the document
 * itself (its shape, its size, the week's version it was exported at, the hard rules of what it promises): it runs
 * here under the week's lock, so that no desk writes to the week between those checks and the write.
 *
 * @param write checks and writes the document, in the books' transaction
 * @param summary the event's reason, from what was written
 */
public record WeekImport<R>(LocalDate weekStart, Supplier<R> write, Function<R, String> summary)
        implements BookChange<R> {

    @Override
    public BooksEventKind kind() {
        return BooksEventKind.WEEK_IMPORT;
    }

    @Override
    public SortedSet<LocalDate> weeks(BooksAccess books) {
        return BooksAccess.only(weekStart);
    }

    @Override
    public Written<R> apply(BooksAccess books, SortedSet<LocalDate> lockedWeeks, String actor) {
        var result = write.get();
        return new Written<>(Written.Subject.NONE, summary.apply(result), Map.of(), Set.of(), result);
    }

    @Override
    public boolean repairs() {
        return false;
    }
}
