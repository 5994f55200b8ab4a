package org.spascheduler.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.AppointmentState;
import org.spascheduler.schedule.domain.Client;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.SpaSettings;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TherapistLoad;
import org.spascheduler.schedule.domain.TimeSlot;
import org.spascheduler.schedule.domain.Treatment;
import org.spascheduler.schedule.domain.WeekInterval;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;

/** Each reason fires on the week built to need it, and names what rules the session out. */
class UnplacedReasonsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final int TUESDAY = WeekInterval.MINUTES_PER_DAY;
    private static final SpaSettings SETTINGS = new SpaSettings("Test spa", MONDAY, ZoneId.of("Europe/Amsterdam"), 15,
            List.of(new WeekInterval(TUESDAY + 9 * 60, TUESDAY + 21 * 60)));
    private static final Treatment TRIGGER_POINT = new Treatment("trigger-point", "Trigger point", List.of(60),
            "trigger point", TherapistLoad.HIGH, Set.of("massage table"), 0, null);
    private static final WeekInterval MORNING = new WeekInterval(TUESDAY + 9 * 60, TUESDAY + 11 * 60);

    private static SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;

    private final Client ines = new Client("ines", "Ines", Set.of(), Set.of(), List.of(), false);
    private final Client kofi = new Client("kofi", "Kofi", Set.of(), Set.of(), List.of(), false);
    private final Room lotus = new Room("lotus", "Lotus", Set.of("massage table"), List.of());

    @BeforeAll
    static void createSolutionManager() {
        solutionManager = SolutionManager.create(SolverFactory.createFromXmlResource("solverConfig.xml"));
    }

    @Test
    void noTherapistWithTheSkill() {
        var anna = therapist("anna", 4, "relaxation");

        assertThat(reasonFor(List.of(anna), List.of(lotus), request("wanted", ines))).startsWith(
                "No therapist has the skill this treatment needs (trigger point).");
    }

    @Test
    void noTherapistOnShiftInTheWindow() {
        var anna = new Therapist("anna", "Anna", Set.of("trigger point"),
                List.of(new WeekInterval(TUESDAY + 14 * 60, TUESDAY + 18 * 60)), List.of(), 10, 360, 4, List.of());

        assertThat(reasonFor(List.of(anna), List.of(lotus), request("wanted", ines)))
                .startsWith("No trigger point therapist works");
    }

    @Test
    void everyTherapistOnShiftIsBooked() {
        var anna = therapist("anna", 4, "trigger point");
        var booked = placed("booked", kofi, anna, lotus, TUESDAY + 9 * 60, 120);

        assertThat(reasonFor(List.of(anna), List.of(lotus), booked, request("wanted", ines)))
                .startsWith("Every trigger point therapist on shift").endsWith("is booked then: Anna.");
    }

    @Test
    void everyRoomIsTaken() {
        var anna = therapist("anna", 4, "trigger point");
        var ben = therapist("ben", 4, "trigger point");
        var booked = placed("booked", kofi, ben, lotus, TUESDAY + 9 * 60, 120);

        assertThat(reasonFor(List.of(anna, ben), List.of(lotus), booked, request("wanted", ines)))
                .contains("every room with massage table is taken or out of service");
    }

    @Test
    void theClientIsBusyElsewhere() {
        var anna = therapist("anna", 4, "trigger point");
        var ben = therapist("ben", 4, "trigger point");
        var jade = new Room("jade", "Jade", Set.of("massage table"), List.of());
        var ownSession = placed("own", ines, ben, jade, TUESDAY + 9 * 60, 120);

        assertThat(reasonFor(List.of(anna, ben), List.of(lotus, jade), ownSession, request("wanted", ines)))
                .startsWith("The client has another session");
    }

    @Test
    void aFreeSlotThatBreaksAHardRuleIsNamedWithTheRule() {
        var anna = therapist("anna", 1, "trigger point");
        var jade = new Room("jade", "Jade", Set.of("massage table"), List.of());
        var earlier = placed("earlier", kofi, anna, jade, TUESDAY + 15 * 60, 60);

        assertThat(reasonFor(List.of(anna), List.of(lotus, jade), earlier, request("wanted", ines)))
                .startsWith("Every slot where a therapist and a room are free breaks a hard rule")
                .endsWith("would break: Daily high-load cap.");
    }

    @Test
    void aFreeSlotBreakingNothingSaysSolvingLongerWouldPlaceIt() {
        var anna = therapist("anna", 4, "trigger point");

        assertThat(reasonFor(List.of(anna), List.of(lotus), request("wanted", ines)))
                .startsWith("A slot breaking no hard rule is free (Tue 1 Dec 09:00");
    }

    private static String reasonFor(List<Therapist> therapists, List<Room> rooms, Appointment... appointments) {
        var all = new ArrayList<>(List.of(appointments));
        var schedule = SpaSchedule.assemble(SETTINGS, List.of(TRIGGER_POINT), therapists, rooms,
                all.stream().map(Appointment::getClient).distinct().toList(), List.of(), all);
        var analysis = solutionManager.analyze(schedule);
        var wanted = all.stream().filter(a -> a.getId().equals("wanted")).findFirst().orElseThrow();
        var reason = new UnplacedReasons(schedule, solutionManager, analysis).explain(wanted);
        assertThat(wanted.isScheduled()).as("the session is put back unplaced").isFalse();
        return reason;
    }

    private static Therapist therapist(String id, int maxHighLoadSessions, String skill) {
        return new Therapist(id, Character.toUpperCase(id.charAt(0)) + id.substring(1), Set.of(skill),
                List.of(new WeekInterval(TUESDAY + 9 * 60, TUESDAY + 18 * 60)), List.of(), 10, 360,
                maxHighLoadSessions, List.of());
    }

    private static Appointment request(String id, Client client) {
        return new Appointment(id, client, TRIGGER_POINT, 60, MORNING, AppointmentState.REQUESTED, false, null, 0,
                null);
    }

    private static Appointment placed(String id, Client client, Therapist therapist, Room room, int start,
            int minutes) {
        var appointment = new Appointment(id, client, TRIGGER_POINT, minutes,
                new WeekInterval(TUESDAY + 9 * 60, TUESDAY + 18 * 60), AppointmentState.CONFIRMED, false, null, 0,
                null);
        appointment.assign(therapist, room, new TimeSlot(start, SETTINGS.dateTimeOf(start)));
        return appointment;
    }
}
