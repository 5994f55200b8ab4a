package org.spascheduler.books;

import java.time.LocalDate;
import java.util.SortedSet;

/**
 * A change to a session's place or state in the spa's books, of one kind or another: a desk's event, a booking, a care
 * plan accepted, a manager's edit or delete, an import. Each kind checks itself against the books as they stand under
 * its weeks' locks and writes itself; {@link SpaBooks} does the rest the same way for all of them (the locks, the
 * hard-rule guard, the event, the repair or the hand-over to a running roster job).
 *
 * @param <R> what the caller gets back besides the recorded events
 */
public sealed interface BookChange<R> permits Cancellation, TherapistUnavailable, RoomOutOfService, SessionRequest,
        Release, ManualMove, SlotBooking, PlanBooking, SessionEdit, SessionRemoval, WeekImport {

    BooksEventKind kind();

    /** The weeks it writes to, read before their locks are taken; {@link #apply} checks again under them. */
    SortedSet<LocalDate> weeks(BooksAccess books);

    /**
     * Checks the change against the books as they are now, under the weeks' locks and in the transaction that records
     * it, and writes it.
     *
     * @param lockedWeeks the weeks {@link #weeks} named, whose locks are held now
     * @param actor who makes the change (the signed-in account), for the event log
     * @throws RuntimeException an API error saying why it is refused; nothing is written then
     */
    Written<R> apply(BooksAccess books, SortedSet<LocalDate> lockedWeeks, String actor);

    /**
     * Whether the week's roster is repaired after it. A change that frees or asks for time (a cancellation, a sick
     * call, a request) is; one that books what keeps every rule is left as it is, unless a roster job ended without
     * it meanwhile (its roster may have given the booked time to someone else).
     */
    default boolean repairs() {
        return true;
    }

    /**
     * Whether a refusal for breaking a hard rule names each rule in words (an analysis of the week, some hundreds of
     * milliseconds on a busy week). A booking or a plan refused for a taken time answers with fresh options instead,
     * and its losers in a race are answered sooner without it.
     */
    default boolean namesBrokenRules() {
        return true;
    }

    /** The field a refusal for breaking a hard rule names. */
    default String placementField() {
        return "startsAt";
    }
}
