package org.spascheduler.carejourney;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.spascheduler.common.SpacingJson;

/**
 * The answer to a request for a care plan: up to three different plans, each bookable as it stands, or, when no
 * complete plan fits in the horizon, why not and the longest plan that does fit. Everything in it is the client's own:
 * therapists and rooms are named, other clients and their bookings never are.
 *
 * @param carePlanId the stored plan whose rest is suggested, null for a new plan
 * @param sessionsAsked how many sessions the plans hold when complete
 * @param whyIncomplete why no complete plan fits, in words; empty when the plans are complete
 */
public record PlanSuggestionsView(@Nullable String carePlanId, String clientId, String treatmentId,
        int durationMinutes, int sessionsAsked, SpacingJson spacing, LocalDate searchedFrom, LocalDate searchedUntil,
        List<Plan> plans, List<String> whyIncomplete) {

    /**
     * One plan.
     *
     * @param suggestionId what to send to accept it: it carries the plan itself, so nothing waits on the server
     * @param summary the plan's trade-off in a line
     * @param tradeOffs what the plan gives and what it gives up, one point each
     */
    public record Plan(String suggestionId, boolean complete, String summary, List<String> tradeOffs,
            List<Session> sessions) {
    }

    /**
     * One session of a plan.
     *
     * @param number its place in the whole series, from 1, counting sessions done or kept
     * @param daysAfterPrevious calendar days after the series' previous session, null for the first
     */
    public record Session(int number, LocalDate date, LocalDateTime startsAt, LocalDateTime endsAt,
            String therapistId, String therapist, String roomId, String room, @Nullable Integer daysAfterPrevious) {
    }
}
