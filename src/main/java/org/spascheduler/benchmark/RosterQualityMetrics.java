package org.spascheduler.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.solver.TherapistDay;

/**
 * What a spa manager would compare two rosters of the same week on, counted in sessions, days and minutes rather than
 * in score points, so that rosters made by different means (the solver, first fit) compare fairly.
 *
 * @param sessions every session the week asks for
 * @param placed sessions with a therapist, a room and a start
 * @param placedWithPreferredTime placed sessions of clients who named preferred days or hours
 * @param preferredTimeHits of those, the ones that start inside them (rule 12)
 * @param placedWithPreferredTherapist placed sessions of clients who named preferred therapists
 * @param preferredTherapistHits of those, the ones with a preferred therapist (rule 13)
 * @param avoidedTherapistAssigned placed sessions with a therapist the client asked not to see (rule 13)
 * @param carePlanPairs consecutive sessions of a care plan, both placed
 * @param continuityHits of those, pairs with the same therapist where the plan wishes so (rule 13)
 * @param spacingWithinMinMax of those, pairs at least the minimum and at most the maximum days apart (rules 8, 11)
 * @param daysOffIdealSpacing days outside the ideal spacing, summed over the pairs (rule 14)
 * @param shortIdleMinutes therapists' idle minutes in gaps of under an hour between sessions, over the week (rule 16)
 * @param workloadSpreadPercent standard deviation, across therapists who work this week, of their hands-on minutes as
 *        a percentage of their available minutes (rule 15): 0 when everyone is equally loaded
 * @param hardScore the roster's hard score: 0 when it breaks no hard rule
 */
public record RosterQualityMetrics(int sessions, int placed, int placedWithPreferredTime, int preferredTimeHits,
        int placedWithPreferredTherapist, int preferredTherapistHits, int avoidedTherapistAssigned, int carePlanPairs,
        int continuityHits, int spacingWithinMinMax, int daysOffIdealSpacing, int shortIdleMinutes,
        double workloadSpreadPercent, long hardScore) {

    /** @param schedule a scored roster (its score set, e.g. by the solver or {@code SolutionManager.update}) */
    public static RosterQualityMetrics of(SpaSchedule schedule) {
        var score = Objects.requireNonNull(schedule.getScore(),
                "The roster has no score. Maybe call SolutionManager.update(schedule) first.");
        var placedSessions = schedule.getAppointments().stream().filter(Appointment::isScheduled).toList();
        var withPreferredTime = placedSessions.stream()
                .filter(session -> !session.getClient().preferredTimes().isEmpty())
                .toList();
        var withPreferredTherapist = placedSessions.stream()
                .filter(session -> session.getClient().prefersSomeTherapist())
                .toList();
        var pairs = consecutiveCarePlanPairs(placedSessions);
        return new RosterQualityMetrics(
                schedule.getAppointments().size(),
                placedSessions.size(),
                withPreferredTime.size(),
                (int) withPreferredTime.stream()
                        .filter(session -> session.getClient().minutesFromPreferredTime(session.getStartMinute()) == 0)
                        .count(),
                withPreferredTherapist.size(),
                (int) withPreferredTherapist.stream()
                        .filter(session -> session.getClient().preferredTherapistIds()
                                .contains(session.getTherapist().id()))
                        .count(),
                (int) placedSessions.stream()
                        .filter(session -> session.getClient().avoidedTherapistIds()
                                .contains(session.getTherapist().id()))
                        .count(),
                pairs.size(),
                (int) pairs.stream()
                        .filter(pair -> pair.earlier().getCarePlan().sameTherapist()
                                && pair.earlier().getTherapist() == pair.later().getTherapist())
                        .count(),
                (int) pairs.stream()
                        .filter(pair -> pair.daysApart() >= pair.earlier().getCarePlan().spacing().minDays()
                                && pair.daysApart() <= pair.earlier().getCarePlan().spacing().maxDays())
                        .count(),
                pairs.stream()
                        .mapToInt(pair -> pair.earlier().getCarePlan().spacing().daysOffIdeal(pair.daysApart()))
                        .sum(),
                shortIdleMinutes(placedSessions),
                workloadSpreadPercent(schedule.getTherapists(), placedSessions),
                score.hardScore());
    }

    public double preferredTimeHitRate() {
        return rate(preferredTimeHits, placedWithPreferredTime);
    }

    public double preferredTherapistHitRate() {
        return rate(preferredTherapistHits, placedWithPreferredTherapist);
    }

    public double continuityHitRate() {
        return rate(continuityHits, carePlanPairs);
    }

    public double spacingWithinMinMaxRate() {
        return rate(spacingWithinMinMax, carePlanPairs);
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    private static List<CarePlanPair> consecutiveCarePlanPairs(List<Appointment> placedSessions) {
        var bySeriesPosition = new HashMap<String, Appointment>();
        for (var session : placedSessions) {
            if (session.getCarePlan() != null) {
                bySeriesPosition.put(seriesKey(session.getCarePlan().id(), session.getSeriesIndex()), session);
            }
        }
        var pairs = new ArrayList<CarePlanPair>();
        for (var earlier : placedSessions) {
            if (earlier.getCarePlan() != null) {
                var later = bySeriesPosition.get(seriesKey(earlier.getCarePlan().id(), earlier.getSeriesIndex() + 1));
                if (later != null) {
                    pairs.add(new CarePlanPair(earlier, later));
                }
            }
        }
        return pairs;
    }

    private static String seriesKey(String carePlanId, int seriesIndex) {
        return carePlanId + "#" + seriesIndex;
    }

    /** Rule 16's measure, from the same walk of a therapist's day that the constraint uses. */
    private static int shortIdleMinutes(List<Appointment> placedSessions) {
        var days = new HashMap<Therapist, Map<Integer, List<Appointment>>>();
        for (var session : placedSessions) {
            days.computeIfAbsent(session.getTherapist(), therapist -> new HashMap<>())
                    .computeIfAbsent(session.getDayOfWeek(), day -> new ArrayList<>())
                    .add(session);
        }
        return days.entrySet().stream()
                .flatMap(therapistDays -> therapistDays.getValue().values().stream()
                        .map(sessions -> TherapistDay.of(therapistDays.getKey(), sessions)))
                .mapToInt(TherapistDay::shortIdleMinutes)
                .sum();
    }

    private static double workloadSpreadPercent(List<Therapist> therapists, List<Appointment> placedSessions) {
        var handsOn = new HashMap<Therapist, Integer>();
        placedSessions.forEach(session -> handsOn.merge(session.getTherapist(), session.getDurationMinutes(),
                Integer::sum));
        var loads = therapists.stream()
                .filter(therapist -> therapist.availableMinutes() > 0)
                .mapToDouble(therapist -> 100.0 * handsOn.getOrDefault(therapist, 0) / therapist.availableMinutes())
                .toArray();
        if (loads.length == 0) {
            return 0.0;
        }
        var mean = Arrays.stream(loads).average().orElse(0.0);
        var variance = Arrays.stream(loads).map(load -> (load - mean) * (load - mean)).sum() / loads.length;
        return Math.sqrt(variance);
    }

    private record CarePlanPair(Appointment earlier, Appointment later) {

        /** Calendar days between the two dates, as the spacing rules count them. */
        int daysApart() {
            return later.getDayOfWeek() - earlier.getDayOfWeek();
        }
    }
}
