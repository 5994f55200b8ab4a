package org.spascheduler.roster;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the week's roster and its explanation look like over the API. */
public final class WeekRosterViews {

    private WeekRosterViews() {
    }

    /** One session as the manager reads it in a roster. */
    public record SessionView(String appointmentId, String clientId, String client, String treatmentId,
            String treatment, int durationMinutes, @Nullable String therapistId, @Nullable String therapist,
            @Nullable String roomId, @Nullable String room, @Nullable LocalDateTime start,
            @Nullable LocalDateTime end, String state, boolean released, @Nullable String carePlanId,
            LocalDateTime windowStart, LocalDateTime windowEnd) {
    }

    /** The sessions of one therapist, one room or one day. */
    public record Group(String key, String name, List<SessionView> sessions) {
    }

    /**
     * @param by how the placed sessions are grouped: therapist, room or day
     * @param unplaced sessions without a place, for the explanation to say why
     */
    public record WeekRoster(LocalDate weekStart, String by, int sessions, int placed, List<Group> groups,
            List<SessionView> unplaced) {
    }

    /** One constraint's share of the score, and every match in words. */
    public record ConstraintExplanation(String constraint, String level, String description, String score,
            long hardScore, long mediumScore, long softScore, int matchCount, List<String> matches) {
    }

    /** Why a session has no place. */
    public record UnplacedExplanation(String appointmentId, String client, String treatment, int durationMinutes,
            LocalDateTime windowStart, LocalDateTime windowEnd, String priority, String reason) {
    }

    /**
     * @param constraints every constraint that scores in this roster, worst first; their scores add up to the score
     */
    public record Explanation(LocalDate weekStart, String score, long hardScore, long mediumScore, long softScore,
            boolean feasible, List<ConstraintExplanation> constraints, List<UnplacedExplanation> unplaced) {
    }

    /** What publishing did. */
    public record Published(LocalDate weekStart, int confirmed, int alreadyConfirmed, int unplaced, String score) {
    }
}
