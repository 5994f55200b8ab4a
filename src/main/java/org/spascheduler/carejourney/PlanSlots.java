package org.spascheduler.carejourney;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.spascheduler.common.Weeks;
import org.spascheduler.planning.ScoredWeek;
import org.spascheduler.planning.ScoredWeeks;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.TimeSlot;
import org.springframework.stereotype.Component;

/**
 * The weeks a care plan touches, asked through the front desk's kept, incrementally scored weeks
 * ({@link ScoredWeeks}): where one session could go in each (every placement that breaks no hard rule of the week as
 * it stands, confirmed sessions included), and whether a whole plan's sessions in a week, together, still break none.
 * Weeks beyond the current roster are the therapists' usual weeks with whatever is already booked in them.
 */
@Component
class PlanSlots {

    /** The id of a plan's session while it is only a question. */
    private static final String QUESTION_ID = "care-plan-suggestion";

    private final ScoredWeeks weeks;

    PlanSlots(ScoredWeeks weeks) {
        this.weeks = weeks;
    }

    /** Every free place for one session of the plan, by day, from the earliest start to the horizon's end. */
    NavigableMap<LocalDate, List<PlanSlot>> freePlaces(PlanQuestion question) {
        var byDay = new TreeMap<LocalDate, List<PlanSlot>>();
        var horizonEnd = question.lastDay().plusDays(1).atStartOfDay();
        var mondays = new ArrayList<LocalDate>();
        for (var monday = Weeks.weekStartOf(question.earliest()); monday.atStartOfDay().isBefore(horizonEnd);
                monday = monday.plusWeeks(1)) {
            mondays.add(monday);
        }
        weeks.keepCurrent(mondays);
        for (var monday : mondays) {
            var from = later(monday.atStartOfDay(), question.earliest());
            var to = earlier(monday.plusWeeks(1).atStartOfDay(), horizonEnd);
            if (from.plusMinutes(question.durationMinutes()).isAfter(to)) {
                continue;
            }
            weeks.withWeek(monday, week -> {
                var session = week.newSession(QUESTION_ID, question.client(),
                        question.treatment().id(), question.durationMinutes(), from, to);
                try (var evaluation = week.evaluate(session)) {
                    for (var candidate : evaluation.candidates()) {
                        var placement = candidate.placement();
                        byDay.computeIfAbsent(placement.start().dateTime().toLocalDate(), day -> new ArrayList<>())
                                .add(new PlanSlot(placement.start().dateTime(), question.durationMinutes(),
                                        placement.therapist().id(), placement.therapist().name(),
                                        placement.room().id(), placement.room().name(),
                                        candidate.scoreDiff().softScore()));
                    }
                }
                return null;
            });
        }
        return byDay;
    }

    /**
     * Whether the plan's sessions, added together to each week they fall in, break no hard rule there: sessions of one
     * plan in one week interact, and a week may have changed since its places were found.
     */
    boolean fitsTogether(PlanQuestion question, List<PlanSlot> sessions) {
        Map<LocalDate, List<PlanSlot>> byWeek = sessions.stream()
                .collect(Collectors.groupingBy(slot -> Weeks.weekStartOf(slot.startsAt()), TreeMap::new,
                        Collectors.toList()));
        for (var week : byWeek.entrySet()) {
            var fits = weeks.withWeek(week.getKey(), scored -> {
                var placed = placed(scored, question, week.getValue());
                return placed != null && scored.scoreDiffWith(placed).hardScore() == 0;
            });
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    /** The slots as sessions of the week; null when a therapist or room is gone from the spa meanwhile. */
    private static @Nullable List<Appointment> placed(ScoredWeek week, PlanQuestion question, List<PlanSlot> slots) {
        var schedule = week.schedule();
        var sessions = new ArrayList<Appointment>();
        for (var slot : slots) {
            var session = week.newSession(QUESTION_ID + "-" + sessions.size(), question.client(),
                    question.treatment().id(), question.durationMinutes(), slot.startsAt(), slot.endsAt());
            var therapist = schedule.getTherapists().stream().filter(t -> t.id().equals(slot.therapistId()))
                    .findFirst().orElse(null);
            var room = schedule.getRooms().stream().filter(r -> r.id().equals(slot.roomId())).findFirst()
                    .orElse(null);
            if (therapist == null || room == null) {
                return null;
            }
            var minute = schedule.getSettings().minuteOfWeek(slot.startsAt());
            session.assign(therapist, room, new TimeSlot(minute, slot.startsAt()));
            sessions.add(session);
        }
        return sessions;
    }

    private static LocalDateTime later(LocalDateTime one, LocalDateTime other) {
        return one.isAfter(other) ? one : other;
    }

    private static LocalDateTime earlier(LocalDateTime one, LocalDateTime other) {
        return one.isBefore(other) ? one : other;
    }
}
