package org.spascheduler.books;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import org.spascheduler.booking.AppointmentRules;
import org.spascheduler.booking.BookingState;
import org.spascheduler.common.Weeks;
import org.spascheduler.web.ConflictException;
import org.spascheduler.web.Crud;

/**
 * A session's record edited: its client, treatment, length or window. Where it is placed stays (the hard-rule guard
 * refuses an edit its place no longer fits); a session that has begun is history and only ends: IN_PROGRESS may become
 * DONE with nothing else changed.
 *
 * @param version the version the caller read: required, so that no one else's change is overwritten
 * @param state the session's state as stored, or DONE for one IN_PROGRESS
 */
public record SessionEdit(String id, int version, String clientId, String treatmentId, int durationMinutes,
        LocalDateTime windowStart, LocalDateTime windowEnd, BookingState state) implements BookChange<Void> {

    /** Sessions that have begun are history: what happened is not edited after the fact. */
    public static final Set<BookingState> HISTORY = Set.of(BookingState.IN_PROGRESS, BookingState.DONE);

    @Override
    public BooksEventKind kind() {
        return BooksEventKind.SESSION_EDIT;
    }

    @Override
    public SortedSet<LocalDate> weeks(BooksAccess books) {
        var weeks = BooksAccess.only(books.appointment(id, "id").weekStart());
        weeks.add(Weeks.weekStartOf(windowStart));
        return weeks;
    }

    @Override
    public Written<Void> apply(BooksAccess books, SortedSet<LocalDate> lockedWeeks, String actor) {
        var current = books.current(id, "id", version, lockedWeeks);
        var edited = current.withRequest(clientId, treatmentId, durationMinutes, windowStart, windowEnd)
                .withState(state, current.released());
        var ends = current.state() == BookingState.IN_PROGRESS && state == BookingState.DONE
                && current.withState(BookingState.DONE, current.released()).equals(edited);
        if (HISTORY.contains(current.state()) && !current.equals(edited) && !ends) {
            throw new ConflictException("state",
                    ("Appointment (%s) is %s: what has begun is history and cannot be changed; "
                    + "only IN_PROGRESS may become DONE, with nothing else changed.").formatted(id, current.state()),
                    null);
        }
        Crud.requirePossible(AppointmentRules.check(edited, "", books.references.references()));
        var saved = books.appointments.save(edited);
        var stillToCome = saved.isPlaced() && !HISTORY.contains(saved.state())
                && saved.state() != BookingState.CANCELLED;
        return new Written<>(Written.Subject.session(id), null, Map.of(id, "record edited by " + actor),
                stillToCome ? Set.of(id) : Set.of(), null);
    }

    @Override
    public String placementField() {
        return "durationMinutes";
    }
}
