package org.spascheduler.books;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.Placement;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.careplan.StoredCarePlan;
import org.spascheduler.common.Weeks;
import org.spascheduler.web.Ids;

/**
 * A suggested care plan accepted: the plan stored (new, or the rest of one) and each of its sessions booked, confirmed
 * where it was suggested, the whole plan or nothing. Each session's day is its window: should the desk release it (a
 * sick call), a repair may move it within the day it was promised, as for any confirmed session.
 *
 * @param plan the plan to store: saving moves its version, so of two rests of one plan accepted at once, the second
 *        fails on it and books nothing
 * @param places where each session goes
 * @param rules what no single week sees, checked with the plan's sessions written (room left in the plan, spacing and
 *        rest across weeks); a refusal rolls everything back
 */
public record PlanBooking(StoredCarePlan plan, int durationMinutes, List<Placement> places, PlanRules rules)
        implements BookChange<StoredCarePlan> {

    /** The care journey's own checks of a plan being booked. */
    public interface PlanRules {

        /** @throws RuntimeException an API error when the plan has no room left for the sessions */
        void beforeBooking(StoredCarePlan plan, int sessions);

        /** @throws RuntimeException an API error when the booked sessions break the plan's spacing or rests */
        void afterBooking(StoredCarePlan plan, Set<String> booked);
    }

    @Override
    public BooksEventKind kind() {
        return BooksEventKind.PLAN_BOOKING;
    }

    @Override
    public SortedSet<LocalDate> weeks(BooksAccess books) {
        var weeks = new TreeSet<LocalDate>();
        places.forEach(place -> weeks.add(Weeks.weekStartOf(place.startsAt())));
        return weeks;
    }

    @Override
    public Written<StoredCarePlan> apply(BooksAccess books, SortedSet<LocalDate> lockedWeeks, String actor) {
        var saved = books.carePlans.save(plan);
        rules.beforeBooking(saved, places.size());
        var booked = new LinkedHashSet<String>();
        var causes = new HashMap<String, String>();
        for (var place : places) {
            var day = place.startsAt().toLocalDate();
            var session = books.appointments.save(new StoredAppointment(Ids.generate("appointment"), saved.clientId(),
                    saved.treatmentId(), durationMinutes, day.atStartOfDay(), day.plusDays(1).atStartOfDay(),
                    Weeks.weekStartOf(place.startsAt()), BookingState.CONFIRMED, false, saved.id(),
                    place.therapistId(), place.roomId(), place.startsAt(), place.therapistId(), place.roomId(),
                    place.startsAt(), null));
            booked.add(session.id());
            causes.put(session.id(), "booked by %s in care plan %s".formatted(actor, saved.id()));
        }
        rules.afterBooking(saved, booked);
        return new Written<>(Written.Subject.NONE, "care plan %s: %d sessions".formatted(saved.id(), places.size()),
                causes, booked, saved);
    }

    @Override
    public boolean repairs() {
        return false;
    }

    @Override
    public boolean namesBrokenRules() {
        return false;
    }

    @Override
    public String placementField() {
        return "suggestionId";
    }
}
