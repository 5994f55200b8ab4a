package org.spascheduler.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.spascheduler.planning.ScoredWeek;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TimeSlot;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

class SlotOptionSpreadTest {

    private static final Therapist ANNA = therapist("anna");
    private static final Therapist BEN = therapist("ben");
    private static final Room ROOM = new Room("room-1", "Lotus", Set.of(), List.of());

    @Test
    void oneTherapistsFreeHourIsOfferedOnceNotFourTimes() {
        var candidates = new ArrayList<ScoredWeek.Candidate>();
        // Anna's 9:00 hour, shifted by quarters, scores best of all; Ben's hours a little worse.
        for (var minute = 540; minute <= 585; minute += 15) {
            candidates.add(candidate(ANNA, minute, -10));
        }
        candidates.add(candidate(ANNA, 840, -30));
        candidates.add(candidate(ANNA, 960, -35));
        candidates.add(candidate(BEN, 600, -40));
        candidates.add(candidate(BEN, 720, -50));

        var chosen = SlotOptionSpread.choose(candidates, 4, 60);

        assertThat(chosen).extracting(c -> c.placement().therapist().id() + "@" + c.placement().start().minuteOfWeek())
                .containsExactly("anna@540", "anna@840", "ben@600", "ben@720");
    }

    @Test
    void theCapOfTwoIsLiftedWhenNobodyElseIsFreeButOverlapsStayOut() {
        var candidates = new ArrayList<ScoredWeek.Candidate>();
        for (var minute = 540; minute <= 900; minute += 15) {
            candidates.add(candidate(ANNA, minute, -minute));
        }

        var chosen = SlotOptionSpread.choose(candidates, 5, 60);

        assertThat(chosen).extracting(c -> c.placement().start().minuteOfWeek())
                .containsExactly(540, 600, 660, 720, 780);
    }

    private static ScoredWeek.Candidate candidate(Therapist therapist, int minute, long soft) {
        return new ScoredWeek.Candidate(new ScoredWeek.TriedPlacement(therapist, ROOM,
                new TimeSlot(minute, LocalDate.of(2030, 1, 7).atStartOfDay().plusMinutes(minute))),
                HardMediumSoftLongScore.of(0, 1, soft));
    }

    private static Therapist therapist(String id) {
        return new Therapist(id, id, Set.of("massage"), List.of(), List.of(), 15, 360, 3, List.of());
    }
}
