package org.spascheduler.common;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.spascheduler.web.FieldProblem;

/**
 * The checks of single fields that the rules of every record share (each record's own rules sit beside it, e.g.
 * {@code TherapistRules}). Each adds the problems it finds, named by their JSON path, to the list it is given.
 */
public final class FieldChecks {

    /**
     * Dates outside these years are typos (or a fuzzer): refused with a reason before any date arithmetic (a week
     * later, a day later), which near the ends of {@code LocalDateTime} would throw instead of answering.
     */
    private static final int FIRST_PLAUSIBLE_YEAR = 1900;
    private static final int LAST_PLAUSIBLE_YEAR = 9999;

    private FieldChecks() {
    }

    /** A record found by id, or null: a care plan or treatment a reference must agree with. */
    @FunctionalInterface
    public interface Lookup<T> {
        @Nullable
        T find(String id);
    }

    public static void checkReference(String id, String field, String what, Predicate<String> exists,
            List<FieldProblem> problems) {
        if (!exists.test(id)) {
            problems.add(new FieldProblem(field, "names no %s (%s)".formatted(what, id)));
        }
    }

    public static void checkReferences(List<String> ids, String field, String what, Predicate<String> exists,
            List<FieldProblem> problems) {
        ids.stream().filter(id -> !exists.test(id))
                .forEach(id -> problems.add(new FieldProblem(field, "names no %s (%s)".formatted(what, id))));
    }

    public static void checkSpacing(int min, int idealMin, int idealMax, int max, String path,
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

    public static void checkTimeRange(LocalTime starts, LocalTime ends, String path, String startName,
            String endName, List<FieldProblem> problems) {
        if (!ends.isAfter(starts)) {
            problems.add(new FieldProblem(path + "." + endName,
                    "(%s) is not after %s (%s); a range ends on the day it starts".formatted(ends, startName, starts)));
        }
    }

    /** @return whether both ends are plausible dates, so that arithmetic on them is safe */
    public static boolean checkPeriod(LocalDateTime startsAt, LocalDateTime endsAt, String path,
            List<FieldProblem> problems) {
        var plausible = checkPlausible(startsAt, path + ".startsAt", problems)
                & checkPlausible(endsAt, path + ".endsAt", problems);
        if (plausible && !endsAt.isAfter(startsAt)) {
            problems.add(new FieldProblem(path + ".endsAt",
                    "(%s) is not after startsAt (%s)".formatted(endsAt, startsAt)));
        }
        return plausible;
    }

    /** @return whether the moment is absent or plausible */
    public static boolean checkPlausible(@Nullable LocalDateTime moment, String field, List<FieldProblem> problems) {
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

    public static boolean isPlausible(LocalDateTime moment) {
        return moment.getYear() >= FIRST_PLAUSIBLE_YEAR && moment.getYear() <= LAST_PLAUSIBLE_YEAR;
    }
}
