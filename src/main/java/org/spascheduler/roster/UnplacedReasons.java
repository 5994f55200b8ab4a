package org.spascheduler.roster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.Describe;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TimeSlot;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.constraint.ConstraintRef;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolutionUpdatePolicy;

/**
 * Why a session has no place in a roster, in the words a front desk would use: the first thing, from the plainest to
 * the subtlest, that rules out every therapist, room and start in its window. When something is free, the rules that
 * the best free slot would break are read from Timefold's score of that roster with the session tried there.
 */
final class UnplacedReasons {

    /** How many free slots to try with the score calculation, at most, per session. */
    private static final int MAX_TRIED_SLOTS = 25;

    private final SpaSchedule schedule;
    private final SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;
    private final ScoreAnalysis<HardMediumSoftLongScore> withoutIt;

    /** @param withoutIt the roster's analysis as it is, with the unplaced sessions unplaced */
    UnplacedReasons(SpaSchedule schedule, SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager,
            ScoreAnalysis<HardMediumSoftLongScore> withoutIt) {
        this.schedule = schedule;
        this.solutionManager = solutionManager;
        this.withoutIt = withoutIt;
    }

    String explain(Appointment session) {
        var treatment = session.getTreatment();
        var window = "%s to %s".formatted(schedule.getSettings().describe(session.getRequestedWindow().start()),
                schedule.getSettings().describe(session.getRequestedWindow().end()));
        var skilled = schedule.getTherapists().stream()
                .filter(therapist -> therapist.hasSkill(treatment.requiredSkill())).toList();
        if (skilled.isEmpty()) {
            return "No therapist has the skill this treatment needs (%s).".formatted(treatment.requiredSkill());
        }
        var equipped = schedule.getRooms().stream()
                .filter(room -> room.hasFeatures(treatment.requiredRoomFeatures())).toList();
        if (equipped.isEmpty()) {
            return "No room has what this treatment needs (%s).".formatted(String.join(", ",
                    treatment.requiredRoomFeatures()));
        }
        var onShift = new ArrayList<Candidate>();
        for (var start : session.getCandidateStarts()) {
            var end = start.minuteOfWeek() + session.getDurationMinutes();
            if (!schedule.getSettings().isOpen(start.minuteOfWeek(), end)) {
                continue;
            }
            skilled.stream().filter(therapist -> therapist.isAvailable(start.minuteOfWeek(), end))
                    .forEach(therapist -> onShift.add(new Candidate(start, therapist, null)));
        }
        if (onShift.isEmpty()) {
            return "No %s therapist works, inside opening hours, for %d minutes within its requested window (%s)."
                    .formatted(treatment.requiredSkill(), session.getDurationMinutes(), window);
        }
        var therapistFree = onShift.stream().filter(candidate -> therapistIsFree(session, candidate)).toList();
        if (therapistFree.isEmpty()) {
            return "Every %s therapist on shift in its requested window (%s) is booked then: %s.".formatted(
                    treatment.requiredSkill(), window, names(onShift.stream().map(Candidate::therapist).toList()));
        }
        var clientFree = therapistFree.stream().filter(candidate -> clientIsFree(session, candidate.start()))
                .toList();
        if (clientFree.isEmpty()) {
            return "The client has another session whenever a %s therapist is free in its requested window (%s)."
                    .formatted(treatment.requiredSkill(), window);
        }
        var free = new ArrayList<Candidate>();
        for (var candidate : clientFree) {
            equipped.stream().filter(room -> roomIsFree(session, candidate.start(), room)).findFirst()
                    .ifPresent(room -> free.add(new Candidate(candidate.start(), candidate.therapist(), room)));
        }
        if (free.isEmpty()) {
            var features = treatment.requiredRoomFeatures().isEmpty() ? "treatment room"
                    : "room with " + String.join(", ", treatment.requiredRoomFeatures());
            return "Whenever a %s therapist is free in its requested window (%s), every %s is taken or out of service."
                    .formatted(treatment.requiredSkill(), window, features);
        }
        return bestFreeSlot(session, free);
    }

    /** Tries free slots with the full score calculation and names what the best one would break. */
    private String bestFreeSlot(Appointment session, List<Candidate> free) {
        Candidate best = null;
        HardMediumSoftLongScore bestScore = null;
        var step = Math.max(1, free.size() / MAX_TRIED_SLOTS);
        for (var index = 0; index < free.size(); index += step) {
            var candidate = free.get(index);
            session.assign(candidate.therapist(), candidate.room(), candidate.start());
            var score = solutionManager.update(schedule, SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
            if (bestScore == null || score.compareTo(bestScore) > 0) {
                best = candidate;
                bestScore = score;
            }
        }
        session.assign(best.therapist(), best.room(), best.start());
        var tried = solutionManager.analyze(schedule, ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
        var broken = tried.constraintMap().values().stream()
                .filter(constraint -> constraint.score().hardScore() < hardScoreWithoutIt(constraint.constraintRef()))
                .map(constraint -> constraint.constraintRef().constraintName())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        session.assign(null, null, null);
        solutionManager.update(schedule, SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
        var slot = "%s with %s in %s".formatted(Describe.time(best.start()), best.therapist().name(),
                best.room().name());
        if (broken.isEmpty()) {
            return "A slot breaking no hard rule is free (%s): solving longer would likely place it.".formatted(slot);
        }
        return "Every slot where a therapist and a room are free breaks a hard rule; the best (%s) would break: %s."
                .formatted(slot, String.join(", ", broken));
    }

    private long hardScoreWithoutIt(ConstraintRef constraint) {
        var analysis = withoutIt.getConstraintAnalysis(constraint);
        return analysis == null ? 0 : analysis.score().hardScore();
    }

    private boolean therapistIsFree(Appointment session, Candidate candidate) {
        var start = candidate.start().minuteOfWeek();
        var busyUntil = start + session.getDurationMinutes() + candidate.therapist().changeoverMinutes();
        for (var other : schedule.getAppointments()) {
            if (other != session && other.isTherapistBooked() && candidate.therapist().equals(other.getTherapist())
                    && other.getStartMinute() < busyUntil && start < other.getTherapistBusyUntil()) {
                return false;
            }
        }
        return true;
    }

    private boolean clientIsFree(Appointment session, TimeSlot start) {
        var end = start.minuteOfWeek() + session.getDurationMinutes();
        for (var other : schedule.getAppointments()) {
            if (other != session && other.isScheduled() && other.getClient().equals(session.getClient())
                    && other.getStartMinute() < end && start.minuteOfWeek() < other.getEndMinute()) {
                return false;
            }
        }
        return true;
    }

    private boolean roomIsFree(Appointment session, TimeSlot start, Room room) {
        var begin = start.minuteOfWeek();
        var busyUntil = begin + session.getDurationMinutes() + session.getTreatment().turnoverMinutes();
        if (room.minutesOutOfService(begin, busyUntil) > 0) {
            return false;
        }
        for (var other : schedule.getAppointments()) {
            if (other != session && other.isRoomBooked() && room.equals(other.getRoom())
                    && other.getStartMinute() < busyUntil && begin < other.getRoomBusyUntil()) {
                return false;
            }
        }
        return true;
    }

    private static String names(List<Therapist> therapists) {
        return therapists.stream().distinct().map(Therapist::name).sorted(Comparator.naturalOrder())
                .collect(Collectors.joining(", "));
    }

    private record Candidate(TimeSlot start, Therapist therapist, @Nullable Room room) {
    }
}
