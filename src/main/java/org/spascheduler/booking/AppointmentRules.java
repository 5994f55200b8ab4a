package org.spascheduler.booking;

import static org.spascheduler.common.FieldChecks.checkPlausible;
import static org.spascheduler.common.FieldChecks.checkReference;
import static org.spascheduler.common.FieldChecks.isPlausible;
import static org.spascheduler.common.Weeks.DAYS_PER_WEEK;
import static org.spascheduler.common.Weeks.weekStartOf;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.spascheduler.careplan.StoredCarePlan;
import org.spascheduler.common.FieldChecks.Lookup;
import org.spascheduler.treatment.StoredTreatment;
import org.spascheduler.web.FieldProblem;

/**
 * What makes a session's record possible beyond the shape of its fields: references to things that exist, a duration
 * the treatment offers, a requested window inside one week, a placement that is whole or absent, a plan of the same
 * client and treatment, and a promised state only with a placement. Every problem is named by its JSON path under the
 * given prefix, so that a single edit and a whole imported week are judged by the same rules (answered with 422).
 */
public final class AppointmentRules {

    private AppointmentRules() {
    }

    /** What a session may refer to: the records that exist (stored, or in the same import). */
    public record References(Predicate<String> therapist, Predicate<String> room, Predicate<String> client,
            Lookup<StoredTreatment> treatment, Lookup<StoredCarePlan> carePlan) {
    }

    public static List<FieldProblem> check(StoredAppointment appointment, String path, References known) {
        var problems = new ArrayList<FieldProblem>();
        checkReference(appointment.clientId(), path + "clientId", "client", known.client(), problems);
        checkReference(appointment.treatmentId(), path + "treatmentId", "treatment",
                id -> known.treatment().find(id) != null, problems);
        var treatment = known.treatment().find(appointment.treatmentId());
        if (treatment != null && treatment.durations().stream()
                .noneMatch(duration -> duration.minutes() == appointment.durationMinutes())) {
            problems.add(new FieldProblem(path + "durationMinutes", "(%d) is not one of the treatment's durations (%s)"
                    .formatted(appointment.durationMinutes(), treatment.durations().stream()
                            .map(StoredTreatment.Duration::minutes).toList())));
        }
        var windowStart = appointment.windowStart();
        var windowEnd = appointment.windowEnd();
        var plausible = checkPlausible(windowStart, path + "windowStart", problems)
                & checkPlausible(windowEnd, path + "windowEnd", problems);
        // An implausible window is already refused, and the arithmetic below could overflow on it.
        if (plausible && !windowEnd.isAfter(windowStart)) {
            problems.add(new FieldProblem(path + "windowEnd",
                    "(%s) is not after the window's start (%s)".formatted(windowEnd, windowStart)));
        } else if (plausible) {
            if (windowStart.plusMinutes(appointment.durationMinutes()).isAfter(windowEnd)) {
                problems.add(new FieldProblem(path + "durationMinutes", "(%d) does not fit in the requested window"
                        .formatted(appointment.durationMinutes())));
            }
            var weekEnd = weekStartOf(windowStart).plusDays(DAYS_PER_WEEK).atStartOfDay();
            if (windowEnd.isAfter(weekEnd)) {
                problems.add(new FieldProblem(path + "windowEnd", "(%s) is in a later week than the window's start; a "
                        .formatted(windowEnd) + "session's window lies within one week (Monday to Sunday)"));
            }
            checkStart(appointment, weekStartOf(windowStart), path, problems);
        }
        var planId = appointment.carePlanId();
        if (planId != null) {
            var plan = known.carePlan().find(planId);
            if (plan == null) {
                problems.add(new FieldProblem(path + "carePlanId", "names no care plan (%s)".formatted(planId)));
            } else if (!plan.clientId().equals(appointment.clientId())
                    || !plan.treatmentId().equals(appointment.treatmentId())) {
                problems.add(new FieldProblem(path + "carePlanId",
                        "(%s) is a plan of another client or treatment".formatted(planId)));
            }
        }
        checkPlacement(appointment.therapistId(), appointment.roomId(), appointment.startsAt(), path, "", known,
                problems);
        checkPlacement(appointment.publishedTherapistId(), appointment.publishedRoomId(),
                appointment.publishedStartsAt(), path, "published", known, problems);
        var promised = appointment.state() == BookingState.CONFIRMED || appointment.state() == BookingState.IN_PROGRESS
                || appointment.state() == BookingState.DONE;
        if (promised && !appointment.isPlaced()) {
            problems.add(new FieldProblem(path + "state", "(%s) needs a therapist, a room and a start"
                    .formatted(appointment.state())));
        }
        return problems;
    }

    /**
     * A placed session starts in the week of its window, the week it is rostered, listed and published in (a start in
     * another year would be counted in one week and shown in none), and ends by midnight: a session belongs to the day
     * it starts on, and the rules per day (caps, breaks) count it there whole.
     */
    private static void checkStart(StoredAppointment appointment, LocalDate weekStart, String path,
            List<FieldProblem> problems) {
        var startsAt = appointment.startsAt();
        if (startsAt == null || !isPlausible(startsAt)) {
            return;
        }
        if (!weekStartOf(startsAt).equals(weekStart)) {
            problems.add(new FieldProblem(path + "startsAt",
                    "(%s) is not in the week of the session's window (%s to %s)"
                    .formatted(startsAt, weekStart, weekStart.plusDays(DAYS_PER_WEEK - 1))));
        } else if (startsAt.plusMinutes(appointment.durationMinutes())
                .isAfter(startsAt.toLocalDate().plusDays(1).atStartOfDay())) {
            problems.add(new FieldProblem(path + "startsAt",
                    "(%s) with %d minutes ends after midnight; a session ends on "
                    .formatted(startsAt, appointment.durationMinutes()) + "the day it starts"));
        }
    }

    private static void checkPlacement(@Nullable String therapistId, @Nullable String roomId,
            @Nullable LocalDateTime startsAt, String path, String prefix, References known,
            List<FieldProblem> problems) {
        checkPlausible(startsAt, path + field(prefix, "startsAt"), problems);
        var set = (therapistId != null ? 1 : 0) + (roomId != null ? 1 : 0) + (startsAt != null ? 1 : 0);
        if (set != 0 && set != 3) {
            problems.add(new FieldProblem(path + field(prefix, "startsAt"),
                    "a placement needs a therapist, a room and a start together, or none of them"));
        }
        if (therapistId != null) {
            checkReference(therapistId, path + field(prefix, "therapistId"), "therapist", known.therapist(), problems);
        }
        if (roomId != null) {
            checkReference(roomId, path + field(prefix, "roomId"), "room", known.room(), problems);
        }
    }

    private static String field(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
