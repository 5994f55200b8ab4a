package org.spascheduler.schedule.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spascheduler.schedule.solver.RosterFixtures.MASSAGE_TABLE;
import static org.spascheduler.schedule.solver.RosterFixtures.RELAXATION;
import static org.spascheduler.schedule.solver.RosterFixtures.RELAXATION_SKILL;
import static org.spascheduler.schedule.solver.RosterFixtures.SETTINGS;
import static org.spascheduler.schedule.solver.RosterFixtures.TUE;
import static org.spascheduler.schedule.solver.RosterFixtures.at;
import static org.spascheduler.schedule.solver.RosterFixtures.between;
import static org.spascheduler.schedule.solver.RosterFixtures.client;
import static org.spascheduler.schedule.solver.RosterFixtures.hours;
import static org.spascheduler.schedule.solver.RosterFixtures.room;
import static org.spascheduler.schedule.solver.RosterFixtures.session;
import static org.spascheduler.schedule.solver.RosterFixtures.therapist;
import static org.spascheduler.schedule.solver.RosterFixtures.weekdays;

import java.time.Duration;
import java.util.List;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.domain.SpaSchedule;

/** The phase between construction and local search. */
class UnscheduleConflictsPhaseTest {

    /**
     * A repair unassigns what an event released. A session booked for Tuesday 10:00 exactly, with the only therapist
     * who does its treatment off sick that day, has no start left: construction has no move for it, and local search
     * refused to start (a 500 for the sick call, its time off already stored).
     */
    @Test
    void aSessionConstructionHadNoMoveForWaitsUnscheduledInsteadOfFailingTheSolve() {
        var anna = therapist("Anna", weekdays(9, 18), List.of(hours(TUE, 0, 24)), List.of(), RELAXATION_SKILL);
        var lotus = room("Lotus", MASSAGE_TABLE);
        var ben = client("Ben");
        var released = session("booked", ben, RELAXATION, 60).window(between(at(TUE, 10), at(TUE, 11)))
                .confirmedAs(anna, lotus, at(TUE, 10)).releasedByFrontDesk().unassigned();
        var week = SpaSchedule.assemble(SETTINGS, List.of(RELAXATION), List.of(anna), List.of(lotus), List.of(ben),
                List.of(), List.of(released));
        released.assign(null, null, null);
        var config = SolverConfig.createFromXmlResource("solverConfig.xml").withRandomSeed(1L)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(2))
                        .withUnimprovedSpentLimit(Duration.ofMillis(300)));

        var solved = SolverFactory.<SpaSchedule>create(config).buildSolver().solve(week);

        var session = solved.getAppointments().get(0);
        assertThat(session.getStart()).isNull();
        assertThat(session.getTherapist()).isEqualTo(anna);
        assertThat(session.getRoom()).isEqualTo(lotus);
    }
}
