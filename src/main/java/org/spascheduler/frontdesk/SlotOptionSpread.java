package org.spascheduler.frontdesk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.spascheduler.planning.ScoredWeek;

/**
 * Which of the scored places to offer. Ranked by score alone, the best few are often one therapist's free hour offered
 * four times, 15 minutes apart, in the same room: one choice read out five times. A client choosing a slot wants
 * different times or different people, so the best places are taken in order of score, skipping
 * <ul>
 * <li>a place that overlaps one already offered with the same therapist (the same hour, shifted by a grain), and</li>
 * <li>a third place with a therapist already offered twice (two leave the client a choice of time with a therapist
 * they may prefer; more crowd out the other therapists).</li>
 * </ul>
 * When that leaves fewer options than asked for, the cap of two is lifted (overlaps stay out): a fourth time with the
 * one therapist who is free is better than no fourth option. Chosen over spreading across the window by fixed parts,
 * which would offer poor places in an empty part of the window while better ones elsewhere are left out.
 */
final class SlotOptionSpread {

    static final int PER_THERAPIST = 2;

    private SlotOptionSpread() {
    }

    /** At most {@code count} of the candidates, best first. */
    static List<ScoredWeek.Candidate> choose(List<ScoredWeek.Candidate> candidates, int count, int durationMinutes) {
        var ranked = candidates.stream().sorted(ScoredWeek.BEST_FIRST).toList();
        var chosen = new ArrayList<ScoredWeek.Candidate>();
        var perTherapist = new HashMap<String, Integer>();
        for (var capped : new boolean[] {true, false}) {
            for (var candidate : ranked) {
                if (chosen.size() == count) {
                    break;
                }
                var therapist = candidate.placement().therapist().id();
                if (capped && perTherapist.getOrDefault(therapist, 0) >= PER_THERAPIST
                        || overlapsChosen(chosen, candidate, durationMinutes)) {
                    continue;
                }
                chosen.add(candidate);
                perTherapist.merge(therapist, 1, Integer::sum);
            }
        }
        chosen.sort(ScoredWeek.BEST_FIRST);
        return chosen;
    }

    /** With the same therapist, at a time that overlaps (or is) one already chosen. */
    private static boolean overlapsChosen(List<ScoredWeek.Candidate> chosen, ScoredWeek.Candidate candidate,
            int durationMinutes) {
        var start = candidate.placement().start().minuteOfWeek();
        for (var other : chosen) {
            if (other.placement().therapist().equals(candidate.placement().therapist())
                    && Math.abs(other.placement().start().minuteOfWeek() - start) < durationMinutes) {
                return true;
            }
        }
        return false;
    }
}
