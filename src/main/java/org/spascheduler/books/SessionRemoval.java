package org.spascheduler.books;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import org.jspecify.annotations.Nullable;
import org.spascheduler.web.ConflictException;

/**
 * A session deleted from the records (one entered by mistake, say: a client's cancellation is a {@link Cancellation}).
 * Its time goes to the waitlist; a client who had been told a time is on the list to call. A session that has begun is
 * history, which a care plan's count relies on, and is not deleted (409).
 *
 * @param version the version the caller read; null to delete it as it is now
 */
public record SessionRemoval(String id, @Nullable Integer version) implements BookChange<Void> {

    @Override
    public BooksEventKind kind() {
        return BooksEventKind.SESSION_REMOVAL;
    }

    @Override
    public SortedSet<LocalDate> weeks(BooksAccess books) {
        return BooksAccess.only(books.appointment(id, "id").weekStart());
    }

    @Override
    public Written<Void> apply(BooksAccess books, SortedSet<LocalDate> lockedWeeks, String actor) {
        var current = books.current(id, "id", version, lockedWeeks);
        if (SessionEdit.HISTORY.contains(current.state())) {
            throw new ConflictException("state", "Appointment (%s) is %s: what has begun is history and cannot be "
                    .formatted(id, current.state()) + "deleted.", null);
        }
        books.appointments.deleteById(id);
        return new Written<>(Written.Subject.session(id), null, Map.of(id, "deleted from the records by " + actor),
                Set.of(), null);
    }
}
