package org.spascheduler.schedule.solver;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.spascheduler.schedule.solver.RosterFixtures.MASSAGE_TABLE;
import static org.spascheduler.schedule.solver.RosterFixtures.RELAXATION;
import static org.spascheduler.schedule.solver.RosterFixtures.RELAXATION_SKILL;
import static org.spascheduler.schedule.solver.RosterFixtures.SETTINGS;
import static org.spascheduler.schedule.solver.RosterFixtures.TUE;
import static org.spascheduler.schedule.solver.RosterFixtures.at;
import static org.spascheduler.schedule.solver.RosterFixtures.client;
import static org.spascheduler.schedule.solver.RosterFixtures.hours;
import static org.spascheduler.schedule.solver.RosterFixtures.room;
import static org.spascheduler.schedule.solver.RosterFixtures.session;
import static org.spascheduler.schedule.solver.RosterFixtures.slot;
import static org.spascheduler.schedule.solver.RosterFixtures.therapist;

import java.util.List;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;

/**
 * The ConstraintVerifier computes every score from scratch, so it cannot see incremental score corruption. This test
 * makes one move inside a solver in FULL_ASSERT mode, which compares the incremental score with a from-scratch one.
 */
class SpaConstraintProviderIncrementalTest {

    @Test
    void incremental_score_matches_from_scratch_when_a_session_moves_later_in_the_day() {
        var anna = therapist("Anna", RELAXATION_SKILL);
        var lotus = room("Lotus", MASSAGE_TABLE);
        var bruno = client("Bruno Alves");
        var mei = client("Mei Lin");
        var sofia = client("Sofia Rossi");
        // Anna's Tuesday: 09:00-10:30, 10:45-12:15, 12:30-13:00, one run of 210 session minutes.
        var first = session("s1", bruno, RELAXATION, 90).window(hours(TUE, 9, 18)).at(anna, lotus, at(TUE, 9));
        var second = session("s2", mei, RELAXATION, 90).window(hours(TUE, 9, 18)).at(anna, lotus, at(TUE, 10, 45));
        var third = session("s3", sofia, RELAXATION, 30).window(hours(TUE, 9, 18)).at(anna, lotus, at(TUE, 12, 30));
        var schedule = SpaSchedule.assemble(SETTINGS, List.of(RELAXATION), List.of(anna), List.of(lotus),
                List.of(bruno, mei, sofia), List.of(), List.of(first, second, third));
        // Move the first session to 15:00 the same day: from scratch, no run exceeds 180 minutes any more.
        PhaseCommand<SpaSchedule> moveFirstToTheAfternoon = (scoreDirector, isPhaseTerminated) -> {
            var moved = scoreDirector.lookUpWorkingObject(first);
            scoreDirector.beforeVariableChanged(moved, "start");
            moved.assign(moved.getTherapist(), moved.getRoom(), slot(at(TUE, 15)));
            scoreDirector.afterVariableChanged(moved, "start");
            scoreDirector.triggerVariableListeners();
        };
        var solverConfig = new SolverConfig()
                .withSolutionClass(SpaSchedule.class)
                .withEntityClasses(Appointment.class)
                .withConstraintProviderClass(SpaConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(moveFirstToTheAfternoon));
        var solver = SolverFactory.<SpaSchedule>create(solverConfig).buildSolver();

        assertThatCode(() -> solver.solve(schedule)).doesNotThrowAnyException();
    }
}
