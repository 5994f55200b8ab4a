package org.spascheduler.spa;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.Appointment;
import org.spascheduler.booking.BookingState;
import org.spascheduler.careplan.CarePlan;
import org.spascheduler.client.Client;
import org.spascheduler.room.Room;
import org.spascheduler.therapist.Therapist;
import org.spascheduler.treatment.Treatment;
import org.spascheduler.web.FieldProblem;

/**
 * What makes the spa's data possible, beyond the shape of each field (which bean validation checks, answered with
 * 400): periods that end after they start, spacings in order, references to things that exist, a requested window
 * inside one week. Each check returns every problem it finds, named by its JSON path under the given prefix, so that
 * a single edit and a whole imported week are judged by the same rules (answered with 422).
 */
public final class SpaDataRules {

    /** A session's requested window must lie in one week, the unit a roster is solved in. */
    private static final int DAYS_PER_WEEK = 7;

    /**
     * Dates outside these years are typos (or a fuzzer): refused with a reason before any date arithmetic (a week
     * later, a day later), which near the ends of {@code LocalDateTime} would throw instead of answering.
     */
    private static final int FIRST_PLAUSIBLE_YEAR = 1900;
    private static final int LAST_PLAUSIBLE_YEAR = 9999;

    private SpaDataRules() {
    }

    /** What another record may refer to: the ids that exist (stored, or in the same import). */
    public record KnownIds(Predicate<String> treatment, Predicate<String> therapist, Predicate<String> room,
            Predicate<String> client, Lookup<CarePlan> carePlan, Lookup<Treatment> treatmentById) {
    }

    @FunctionalInterface
    public interface Lookup<T> {
        @Nullable
        T find(String id);
    }

    public static List<FieldProblem> check(Spa spa, String path) {
        var problems = new ArrayList<FieldProblem>();
        try {
            ZoneId.of(spa.timeZone());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(path + "timeZone",
                    "is not a known time zone (%s); use a region id such as Europe/Brussels".formatted(spa.timeZone())));
        }
        if (spa.grainMinutes() <= 0 || 24 * 60 % spa.grainMinutes() != 0) {
            problems.add(new FieldProblem(path + "grainMinutes",
                    "must divide a day evenly (%d minutes); for example 5, 10, 15 or 30".formatted(spa.grainMinutes())));
        }
        var index = 0;
        for (var hours : spa.openingHours()) {
            checkTimeRange(hours.opens(), hours.closes(), path + "openingHours[" + index++ + "]", "opens", "closes",
                    problems);
        }
        return problems;
    }

    public static List<FieldProblem> check(Treatment treatment, String path) {
        var problems = new ArrayList<FieldProblem>();
        var series = treatment.seriesDefault();
        if (series != null) {
            checkSpacing(series.minDays(), series.idealMinDays(), series.idealMaxDays(), series.maxDays(),
                    path + "seriesDefault", problems);
        }
        var distinct = treatment.durations().stream().map(Treatment.Duration::minutes).distinct().count();
        if (distinct != treatment.durations().size()) {
            problems.add(new FieldProblem(path + "durationsMinutes", "lists a duration twice"));
        }
        return problems;
    }

    public static List<FieldProblem> check(Therapist therapist, String path) {
        var problems = new ArrayList<FieldProblem>();
        var index = 0;
        for (var shift : therapist.weeklyShifts()) {
            checkTimeRange(shift.starts(), shift.ends(), path + "weeklyShifts[" + index++ + "]", "starts", "ends",
                    problems);
        }
        index = 0;
        for (var shift : therapist.shifts()) {
            var field = path + "shifts[" + index++ + "]";
            if (checkPeriod(shift.startsAt(), shift.endsAt(), field, problems)
                    && shift.endsAt().isAfter(shift.startsAt().plusDays(1))) {
                problems.add(new FieldProblem(field + ".endsAt", "makes a shift longer than a day"));
            }
        }
        index = 0;
        for (var timeOff : therapist.timeOff()) {
            checkPeriod(timeOff.startsAt(), timeOff.endsAt(), path + "timeOff[" + index++ + "]", problems);
        }
        index = 0;
        for (var time : therapist.ratherNotWork()) {
            checkTimeRange(time.starts(), time.ends(), path + "ratherNotWork[" + index++ + "]", "starts", "ends",
                    problems);
        }
        return problems;
    }

    public static List<FieldProblem> check(Room room, String path) {
        var problems = new ArrayList<FieldProblem>();
        var index = 0;
        for (var period : room.outOfService()) {
            checkPeriod(period.startsAt(), period.endsAt(), path + "outOfService[" + index++ + "]", problems);
        }
        return problems;
    }

    public static List<FieldProblem> check(Client client, String path, KnownIds known) {
        var problems = new ArrayList<FieldProblem>();
        var preferred = client.preferredTherapists().stream().map(Client.PreferredTherapist::therapistId).toList();
        var avoided = client.avoidedTherapists().stream().map(Client.AvoidedTherapist::therapistId).toList();
        checkReferences(preferred, path + "preferredTherapistIds", "therapist", known.therapist(), problems);
        checkReferences(avoided, path + "avoidedTherapistIds", "therapist", known.therapist(), problems);
        preferred.stream().filter(avoided::contains).forEach(id -> problems.add(new FieldProblem(
                path + "avoidedTherapistIds", "names therapist (%s), who is also preferred".formatted(id))));
        var index = 0;
        for (var time : client.preferredTimes()) {
            checkTimeRange(time.starts(), time.ends(), path + "preferredTimes[" + index++ + "]", "starts", "ends",
                    problems);
        }
        return problems;
    }

    public static List<FieldProblem> check(CarePlan plan, String path, KnownIds known) {
        var problems = new ArrayList<FieldProblem>();
        checkReference(plan.clientId(), path + "clientId", "client", known.client(), problems);
        checkReference(plan.treatmentId(), path + "treatmentId", "treatment", known.treatment(), problems);
        checkSpacing(plan.minDays(), plan.idealMinDays(), plan.idealMaxDays(), plan.maxDays(), path + "spacing",
                problems);
        if (plan.sessionsDoneBefore() > plan.totalSessions()) {
            problems.add(new FieldProblem(path + "sessionsDoneBefore", "(%d) exceeds the plan's sessions (%d)"
                    .formatted(plan.sessionsDoneBefore(), plan.totalSessions())));
        }
        return problems;
    }

    public static List<FieldProblem> check(Appointment appointment, String path, KnownIds known) {
        var problems = new ArrayList<FieldProblem>();
        checkReference(appointment.clientId(), path + "clientId", "client", known.client(), problems);
        checkReference(appointment.treatmentId(), path + "treatmentId", "treatment", known.treatment(), problems);
        var treatment = known.treatmentById().find(appointment.treatmentId());
        if (treatment != null && treatment.durations().stream()
                .noneMatch(duration -> duration.minutes() == appointment.durationMinutes())) {
            problems.add(new FieldProblem(path + "durationMinutes", "(%d) is not one of the treatment's durations (%s)"
                    .formatted(appointment.durationMinutes(), treatment.durations().stream()
                            .map(Treatment.Duration::minutes).toList())));
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
    private static void checkStart(Appointment appointment, java.time.LocalDate weekStart, String path,
            List<FieldProblem> problems) {
        var startsAt = appointment.startsAt();
        if (startsAt == null || !isPlausible(startsAt)) {
            return;
        }
        if (!weekStartOf(startsAt).equals(weekStart)) {
            problems.add(new FieldProblem(path + "startsAt", "(%s) is not in the week of the session's window (%s to %s)"
                    .formatted(startsAt, weekStart, weekStart.plusDays(DAYS_PER_WEEK - 1))));
        } else if (startsAt.plusMinutes(appointment.durationMinutes())
                .isAfter(startsAt.toLocalDate().plusDays(1).atStartOfDay())) {
            problems.add(new FieldProblem(path + "startsAt", "(%s) with %d minutes ends after midnight; a session ends on "
                    .formatted(startsAt, appointment.durationMinutes()) + "the day it starts"));
        }
    }

    /** The Monday of the week a moment lies in. */
    public static java.time.LocalDate weekStartOf(LocalDateTime moment) {
        if (!isPlausible(moment)) {
            // Such a moment is refused by check(Appointment); working out its week could overflow before that.
            return moment.toLocalDate();
        }
        return moment.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static void checkPlacement(@Nullable String therapistId, @Nullable String roomId,
            @Nullable LocalDateTime startsAt, String path, String prefix, KnownIds known, List<FieldProblem> problems) {
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

    private static void checkReference(String id, String field, String what, Predicate<String> exists,
            List<FieldProblem> problems) {
        if (!exists.test(id)) {
            problems.add(new FieldProblem(field, "names no %s (%s)".formatted(what, id)));
        }
    }

    private static void checkReferences(List<String> ids, String field, String what, Predicate<String> exists,
            List<FieldProblem> problems) {
        ids.stream().filter(id -> !exists.test(id))
                .forEach(id -> problems.add(new FieldProblem(field, "names no %s (%s)".formatted(what, id))));
    }

    private static void checkSpacing(int min, int idealMin, int idealMax, int max, String path,
            List<FieldProblem> problems) {
        if (min < 0) {
            problems.add(new FieldProblem(path + ".minDays", "(%d) is negative".formatted(min)));
        }
        if (idealMin < min) {
            problems.add(new FieldProblem(path + ".idealMinDays",
                    "(%d) is below the minimum (%d)".formatted(idealMin, min)));
        }
        if (idealMax < idealMin) {
            problems.add(new FieldProblem(path + ".idealMaxDays",
                    "(%d) is below the ideal minimum (%d)".formatted(idealMax, idealMin)));
        }
        if (max < idealMax || max < min) {
            problems.add(new FieldProblem(path + ".maxDays",
                    "(%d) is below the minimum (%d) or the ideal maximum (%d)".formatted(max, min, idealMax)));
        }
    }

    private static void checkTimeRange(LocalTime starts, LocalTime ends, String path, String startName,
            String endName, List<FieldProblem> problems) {
        if (!ends.isAfter(starts)) {
            problems.add(new FieldProblem(path + "." + endName,
                    "(%s) is not after %s (%s); a range ends on the day it starts".formatted(ends, startName, starts)));
        }
    }

    /** @return whether both ends are plausible dates, so that arithmetic on them is safe */
    private static boolean checkPeriod(LocalDateTime startsAt, LocalDateTime endsAt, String path,
            List<FieldProblem> problems) {
        var plausible = checkPlausible(startsAt, path + ".startsAt", problems)
                & checkPlausible(endsAt, path + ".endsAt", problems);
        if (plausible && !endsAt.isAfter(startsAt)) {
            problems.add(new FieldProblem(path + ".endsAt",
                    "(%s) is not after startsAt (%s)".formatted(endsAt, startsAt)));
        }
        return plausible;
    }

    private static boolean checkPlausible(@Nullable LocalDateTime moment, String field, List<FieldProblem> problems) {
        if (moment == null || isPlausible(moment)) {
            return true;
        }
        problems.add(new FieldProblem(field, "(%s) is not a plausible date; years run from %d to %d"
                .formatted(moment, FIRST_PLAUSIBLE_YEAR, LAST_PLAUSIBLE_YEAR)));
        return false;
    }

    /** A moment far outside any spa's books (the year 200000) is refused before any date arithmetic on it. */
    public static List<FieldProblem> checkPlausible(Map<String, LocalDateTime> momentsByField) {
        var problems = new ArrayList<FieldProblem>();
        momentsByField.forEach((field, moment) -> checkPlausible(moment, field, problems));
        return problems;
    }

    private static boolean isPlausible(LocalDateTime moment) {
        return moment.getYear() >= FIRST_PLAUSIBLE_YEAR && moment.getYear() <= LAST_PLAUSIBLE_YEAR;
    }

}
