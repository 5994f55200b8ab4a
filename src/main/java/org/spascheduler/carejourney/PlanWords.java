package org.spascheduler.carejourney;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.spascheduler.therapist.StoredTherapist;

/**
 * A plan's trade-off, and why no complete plan fits, in a client's words. Only the client's own plan and the spa's
 * therapists appear: never who else is booked.
 */
final class PlanWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final int NOON = 12;
    private static final int EVENING = 17;
    /** More different weekdays than this read as "varying days". */
    private static final int WEEKDAYS_NAMED = 3;

    private PlanWords() {
    }

    static String summary(PlanQuestion question, PlanSearch.Found plan) {
        var sessions = plan.sessions();
        var therapists = therapistNames(sessions);
        var who = therapists.size() == 1 ? "same therapist (%s) throughout".formatted(therapists.get(0))
                : "%d therapists (%s)".formatted(therapists.size(), String.join(", ", therapists));
        var headline = switch (plan.strategy()) {
            case SAME_THERAPIST -> capitalized(who);
            case EARLIEST_START -> "Starts soonest, " + who;
            case IDEAL_SPACING -> "Closest to the ideal spacing, " + who;
        };
        var first = sessions.get(0).date();
        var last = sessions.get(sessions.size() - 1).date();
        return "%s; %s, %s; starts %s (%s), last session %s%s.".formatted(headline, days(sessions),
                partsOfDay(sessions), DAY.format(first), fromToday(question.firstDay(), first), DAY.format(last),
                plan.complete() ? "" : "; only %d of %d sessions fit".formatted(sessions.size(),
                        question.sessionsToPlace()));
    }

    static List<String> tradeOffs(PlanQuestion question, PlanSearch.Found plan) {
        var sessions = plan.sessions();
        var words = new ArrayList<String>();
        var spacing = question.spacing();
        var gaps = gaps(question, plan);
        if (!gaps.isEmpty()) {
            var offIdeal = gaps.stream().filter(gap -> spacing.daysOffIdeal(gap) > 0).count();
            var range = gaps.stream().mapToInt(Integer::intValue).summaryStatistics();
            var between = range.getMin() == range.getMax() ? "%d days apart".formatted(range.getMin())
                    : "%d to %d days apart".formatted(range.getMin(), range.getMax());
            words.add(offIdeal == 0 ? "%s, every gap within the ideal %d-%d days".formatted(capitalized(between),
                    spacing.idealMinDays(), spacing.idealMaxDays())
                    : "%s: %d of %d gaps outside the ideal %d-%d days (never below %d or above %d)".formatted(
                            capitalized(between), offIdeal, gaps.size(), spacing.idealMinDays(),
                            spacing.idealMaxDays(), spacing.minDays(), spacing.maxDays()));
        }
        if (!question.preferredTimes().isEmpty()) {
            var outside = sessions.stream()
                    .filter(slot -> question.minutesFromPreferredTime(slot.startsAt()) > 0).count();
            words.add(outside == 0 ? "Every session at your preferred days and hours"
                    : "%d of %d sessions outside your preferred days and hours".formatted(outside, sessions.size()));
        }
        var asked = question.request().therapistId();
        if (asked != null) {
            var with = sessions.stream().filter(slot -> slot.therapistId().equals(asked)).count();
            var name = sessions.stream().filter(slot -> slot.therapistId().equals(asked)).findFirst()
                    .map(PlanSlot::therapistName).orElse("the therapist you asked for");
            words.add(with == sessions.size() ? "Every session with %s, as you asked".formatted(name)
                    : "%d of %d sessions with %s, as you asked; the rest with others".formatted(with,
                            sessions.size(), name));
        }
        var changes = 0;
        for (var index = 1; index < sessions.size(); index++) {
            changes += sessions.get(index).therapistId().equals(sessions.get(index - 1).therapistId()) ? 0 : 1;
        }
        if (changes > 0) {
            words.add("Changes therapist %d time%s".formatted(changes, changes == 1 ? "" : "s"));
        }
        var waits = ChronoUnit.DAYS.between(question.firstDay(), sessions.get(0).date());
        if (waits > 0 && question.kept().isEmpty()) {
            words.add("The first session is %d day%s after the earliest start".formatted(waits, waits == 1 ? "" : "s"));
        }
        if (!question.kept().isEmpty()) {
            words.add("Keeps your %d booked or done session%s of the plan where they are".formatted(
                    question.kept().size(), question.kept().size() == 1 ? "" : "s"));
        }
        if (!plan.complete()) {
            words.add("Only %d of the %d sessions fit before %s; ask again later for the rest".formatted(
                    sessions.size(), question.sessionsToPlace(), DAY.format(question.lastDay().plusDays(1))));
        }
        return words;
    }

    /**
     * Why no complete plan fits: who gives the treatment, until when each is full, and where the longest plan that
     * fits runs out of room.
     *
     * @param longest the longest plan that fits, null when not even one session does
     */
    static List<String> whyIncomplete(PlanQuestion question, List<StoredTherapist> therapists,
            NavigableMap<LocalDate, List<PlanSlot>> free, PlanSearch.@Nullable Found longest) {
        var treatment = question.treatment();
        var minutes = question.durationMinutes();
        var from = question.firstDay();
        var until = question.lastDay();
        var words = new ArrayList<String>();
        var skilled = therapists.stream().filter(therapist -> PlanQuestions.hasSkill(therapist, treatment))
                .sorted(Comparator.comparing(StoredTherapist::name)).toList();
        if (skilled.isEmpty()) {
            words.add("No therapist gives %s (it needs the skill %s).".formatted(treatment.name(),
                    treatment.requiredSkill()));
            return words;
        }
        words.add("%s is given by %s: %s.".formatted(treatment.name(),
                skilled.size() == 1 ? "one therapist only" : skilled.size() + " therapists",
                skilled.stream().map(StoredTherapist::name).collect(Collectors.joining(", "))));
        for (var therapist : skilled) {
            var freeDays = free.entrySet().stream()
                    .filter(day -> day.getValue().stream().anyMatch(s -> s.therapistId().equals(therapist.id())))
                    .map(java.util.Map.Entry::getKey).toList();
            if (freeDays.isEmpty()) {
                words.add("%s has no free %d minutes from %s to %s.".formatted(therapist.name(), minutes,
                        DAY.format(from), DAY.format(until)));
            } else if (ChronoUnit.DAYS.between(from, freeDays.get(0)) >= question.spacing().maxDays()) {
                words.add("%s is full until %s (free on %d day%s up to %s).".formatted(therapist.name(),
                        DAY.format(freeDays.get(0)), freeDays.size(), freeDays.size() == 1 ? "" : "s",
                        DAY.format(until)));
            } else {
                words.add("%s has free %d minutes on %d day%s from %s to %s.".formatted(therapist.name(), minutes,
                        freeDays.size(), freeDays.size() == 1 ? "" : "s", DAY.format(from), DAY.format(until)));
            }
        }
        if (longest == null) {
            words.add("Not one %d-minute session fits from %s to %s.".formatted(minutes, DAY.format(from),
                    DAY.format(until)));
            return words;
        }
        var last = longest.sessions().get(longest.sessions().size() - 1).date();
        var spacing = question.spacing();
        var nextFrom = last.plusDays(spacing.minDays());
        var nextTo = last.plusDays(spacing.maxDays());
        var next = longest.sessions().size() + 1;
        if (nextFrom.isAfter(until)) {
            words.add("The longest plan that fits holds %d of %d sessions; session %d would be at least %d days "
                    .formatted(longest.sessions().size(), question.sessionsToPlace(), next, spacing.minDays())
                    + "after %s, past the horizon (until %s).".formatted(DAY.format(last), DAY.format(until)));
        } else {
            words.add(("The longest plan that fits holds %d of %d sessions; session %d would need a day from %s to "
                    + "%s (%d-%d days after %s), when no %s therapist has %d free minutes%s.").formatted(
                            longest.sessions().size(), question.sessionsToPlace(), next, DAY.format(nextFrom),
                            DAY.format(nextTo.isAfter(until) ? until : nextTo), spacing.minDays(), spacing.maxDays(),
                            DAY.format(last), treatment.requiredSkill(), minutes,
                            question.highLoad() ? " at least %d hours after your previous high-load session"
                                    .formatted(question.restMinutes() / 60) : ""));
        }
        return words;
    }

    /** Calendar days between consecutive sessions of the series, kept ones included. */
    static List<Integer> gaps(PlanQuestion question, PlanSearch.Found plan) {
        var dates = new TreeSet<LocalDate>();
        question.kept().forEach(kept -> dates.add(kept.startsAt().toLocalDate()));
        plan.sessions().forEach(slot -> dates.add(slot.date()));
        var gaps = new ArrayList<Integer>();
        LocalDate previous = null;
        for (var date : dates) {
            if (previous != null) {
                gaps.add((int) ChronoUnit.DAYS.between(previous, date));
            }
            previous = date;
        }
        return gaps;
    }

    private static List<String> therapistNames(List<PlanSlot> sessions) {
        return List.copyOf(sessions.stream().map(PlanSlot::therapistName)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** "Tuesdays and Fridays", or "varying days". */
    private static String days(List<PlanSlot> sessions) {
        var weekdays = sessions.stream().map(slot -> slot.startsAt().getDayOfWeek())
                .collect(Collectors.toCollection(TreeSet::new));
        if (weekdays.size() > WEEKDAYS_NAMED) {
            return "varying days";
        }
        var names = weekdays.stream().map(PlanWords::plural).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String plural(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s";
    }

    /** "mornings", "evenings", or "mornings and afternoons". */
    private static String partsOfDay(List<PlanSlot> sessions) {
        var parts = sessions.stream().map(slot -> slot.startsAt().getHour())
                .map(hour -> hour < NOON ? "mornings" : hour < EVENING ? "afternoons" : "evenings")
                .collect(Collectors.toSet());
        var ordered = Stream.of("mornings", "afternoons", "evenings").filter(parts::contains).toList();
        return ordered.size() == 1 ? ordered.get(0) : String.join(" and ", ordered);
    }

    private static String fromToday(LocalDate earliest, LocalDate first) {
        var days = ChronoUnit.DAYS.between(earliest, first);
        return days == 0 ? "the first day asked" : "%d day%s after the first day asked".formatted(days,
                days == 1 ? "" : "s");
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
