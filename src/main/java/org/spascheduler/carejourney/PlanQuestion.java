package org.spascheduler.carejourney;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.spascheduler.careplan.StoredCarePlan;
import org.spascheduler.client.StoredClient;
import org.spascheduler.schedule.domain.SeriesSpacing;
import org.spascheduler.schedule.domain.WeekInterval;
import org.spascheduler.schedule.domain.WeekIntervals;
import org.spascheduler.treatment.StoredTreatment;

/**
 * A checked request for a care plan, every default filled in: what {@link CarePlanSuggestionService} searches.
 *
 * @param request the request as the client sent it (or as made for a stored plan's rest), carried in suggestion ids
 * @param plan the stored plan whose rest is asked for, null for a new plan
 * @param kept the stored plan's sessions that stay (done or booked, not cancelled), in time order
 * @param preferredTimes when the client would rather come, as minutes of a week from Monday 00:00
 * @param earliest no session starts before this (the earliest start or now, whichever is later)
 * @param lastDay the horizon's last day
 */
record PlanQuestion(CarePlanSuggestionRequest request, @Nullable StoredCarePlan plan, StoredClient client,
        StoredTreatment treatment,
        int durationMinutes, int sessionsToPlace, SeriesSpacing spacing, List<WeekInterval> preferredTimes,
        List<PlanSearch.Kept> kept, LocalDateTime earliest, LocalDate lastDay, int restMinutes, boolean highLoad) {

    private static final int MINUTES_PER_WEEK = 7 * WeekInterval.MINUTES_PER_DAY;

    LocalDate firstDay() {
        return earliest.toLocalDate();
    }

    /** Minutes from the start to the nearest preferred time (0 inside one, or with no preference at all). */
    int minutesFromPreferredTime(LocalDateTime startsAt) {
        if (preferredTimes.isEmpty()) {
            return 0;
        }
        var minuteOfWeek = (startsAt.getDayOfWeek().getValue() - 1) * WeekInterval.MINUTES_PER_DAY
                + startsAt.toLocalTime().toSecondOfDay() / 60;
        // The week wraps: Sunday evening is close to Monday morning.
        return Math.min(WeekIntervals.distanceMinutes(preferredTimes, minuteOfWeek),
                Math.min(WeekIntervals.distanceMinutes(preferredTimes, minuteOfWeek + MINUTES_PER_WEEK),
                        WeekIntervals.distanceMinutes(preferredTimes, minuteOfWeek - MINUTES_PER_WEEK)));
    }

    int totalSessions() {
        return plan == null ? request.sessions() : plan.totalSessions();
    }
}
