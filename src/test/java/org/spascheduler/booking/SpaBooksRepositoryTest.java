package org.spascheduler.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.spascheduler.careplan.CarePlanRepository;
import org.spascheduler.careplan.StoredCarePlan;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.client.StoredClient;
import org.spascheduler.room.RoomRepository;
import org.spascheduler.room.StoredRoom;
import org.spascheduler.schedule.domain.TherapistLoad;
import org.spascheduler.spa.Spa;
import org.spascheduler.spa.SpaRepository;
import org.spascheduler.spa.StoredWorkRules;
import org.spascheduler.therapist.StoredTherapist;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.treatment.StoredTreatment;
import org.spascheduler.treatment.TreatmentRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;

/** Every aggregate of the spa's books survives a round trip through the migrated schema, children included. */
@DataJdbcTest
@ActiveProfiles("test")
class SpaBooksRepositoryTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Autowired
    private SpaRepository spas;
    @Autowired
    private TreatmentRepository treatments;
    @Autowired
    private TherapistRepository therapists;
    @Autowired
    private RoomRepository rooms;
    @Autowired
    private ClientRepository clients;
    @Autowired
    private CarePlanRepository carePlans;
    @Autowired
    private AppointmentRepository appointments;

    @Test
    void everyAggregateReadsBackAsWritten() {
        var spa = spas.save(new Spa(Spa.ID, "Test spa", "Europe/Brussels", 15, 2880,
                new StoredWorkRules(30, 180, 360, 60),
                List.of(new Spa.OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(21, 0))), null));
        var treatment = treatments.save(new StoredTreatment("trigger-point", "Trigger point", "trigger point",
                TherapistLoad.HIGH, 15, List.of(new StoredTreatment.Duration(60), new StoredTreatment.Duration(30)),
                Set.of(new StoredTreatment.RoomFeature("massage table")), new StoredTreatment.SeriesDays(2,
                3, 7, 10), null));
        var relaxation = treatments.save(new StoredTreatment("relaxation", "Relaxation", "relaxation",
                TherapistLoad.LOW,
                10, List.of(new StoredTreatment.Duration(60)), Set.of(), null, null));
        var therapist = therapists.save(new StoredTherapist("anna", "Anna", 10, 360, 4, null,
                Set.of(new StoredTherapist.Skill("trigger point")),
                List.of(new StoredTherapist.WeeklyShift(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))),
                List.of(new StoredTherapist.Shift(MONDAY.atTime(9, 0), MONDAY.atTime(17, 0))),
                List.of(new StoredTherapist.TimeOff(MONDAY.atTime(12, 0), MONDAY.atTime(13, 0), "dentist")), List.of(),
                null));
        var room = rooms.save(new StoredRoom("room-1", "Lotus", Set.of(new StoredRoom.Feature("massage table")),
                List.of(new StoredRoom.OutOfService(MONDAY.atTime(8, 0), MONDAY.atTime(9, 0), null)), null));
        var client = clients.save(new StoredClient("client-1", "Ines", "ines@example.org", null, true,
                Set.of(new StoredClient.PreferredTherapist("anna")), Set.of(),
                List.of(new StoredClient.PreferredTime(DayOfWeek.MONDAY, LocalTime.of(17, 0),
                LocalTime.of(20, 0))), null));
        var plan = carePlans.save(new StoredCarePlan("plan-1", "client-1", "trigger-point", 6, 2, 3, 7,
                10, true, 1, null));
        var appointment = appointments.save(new StoredAppointment("a-1", "client-1", "trigger-point", 60,
                MONDAY.atTime(9, 0), MONDAY.atTime(18, 0), MONDAY, BookingState.CONFIRMED, false, "plan-1", "anna",
                "room-1", MONDAY.atTime(10, 0), "anna", "room-1", MONDAY.atTime(10, 0), null));

        assertThat(spas.findById(Spa.ID)).contains(spa);
        assertThat(treatments.findById("trigger-point")).contains(treatment);
        assertThat(treatments.findById("relaxation")).contains(relaxation);
        assertThat(treatments.findById("trigger-point").orElseThrow().durations())
                .extracting(StoredTreatment.Duration::minutes).containsExactly(60, 30);
        assertThat(therapists.findById("anna")).contains(therapist);
        assertThat(rooms.findById("room-1")).contains(room);
        assertThat(clients.findById("client-1")).contains(client);
        assertThat(carePlans.findById("plan-1")).contains(plan);
        assertThat(appointments.findById("a-1")).contains(appointment);
        assertThat(appointments.findByWeekStart(MONDAY)).containsExactly(appointment);
        assertThat(appointment.version()).isZero();
    }

    @Test
    void clientsReadInBulkAreTheClientsAsWritten() {
        therapists.save(new StoredTherapist("anna", "Anna", 10, 360, 4, null, Set.of(), List.of(), List.of(), List.of(),
                List.of(), null));
        therapists.save(new StoredTherapist("ben", "Ben", 10, 360, 4, null, Set.of(), List.of(), List.of(), List.of(),
                List.of(), null));
        var ines = clients.save(new StoredClient("client-1", "Ines", "ines@example.org", "+32 2 555 01 01", true,
                Set.of(new StoredClient.PreferredTherapist("anna"), new StoredClient.PreferredTherapist("ben")),
                Set.of(new StoredClient.AvoidedTherapist("ben")),
                List.of(new StoredClient.PreferredTime(DayOfWeek.FRIDAY, LocalTime.of(17, 0), LocalTime.of(20, 0)),
                        new StoredClient.PreferredTime(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))),
                null));
        var tom = clients.save(new StoredClient("client-2", "Tom", null, null, false, Set.of(), Set.of(),
                List.of(), null));
        clients.save(new StoredClient("client-3", "Not asked for", null, null, false, Set.of(), Set.of(),
                List.of(), null));

        var read = clients.findAllWithPreferencesById(List.of("client-1", "client-2", "client-9"));

        assertThat(read).containsExactly(ines, tom);
        assertThat(read).containsExactlyElementsOf(clients.findAllById(List.of("client-1", "client-2")));
        assertThat(read.get(0).preferredTimes()).extracting(StoredClient.PreferredTime::dayOfWeek)
                .containsExactly(DayOfWeek.FRIDAY, DayOfWeek.MONDAY);
        assertThat(clients.findAllWithPreferencesById(List.of())).isEmpty();
    }

    @Test
    void aStaleVersionIsRefused() {
        var saved = rooms.save(new StoredRoom("room-1", "Lotus", Set.of(), List.of(), null));
        rooms.save(new StoredRoom("room-1", "Lotus renamed", Set.of(), List.of(), saved.version()));

        assertThatThrownBy(() -> rooms.save(new StoredRoom("room-1", "Lotus again", Set.of(), List.of(), saved.version())))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(rooms.findById("room-1").orElseThrow().name()).isEqualTo("Lotus renamed");
    }

    @Test
    void anAppointmentCannotReferToAMissingClient() {
        treatments.save(new StoredTreatment("relaxation", "Relaxation", "relaxation", TherapistLoad.LOW, 10,
                List.of(new StoredTreatment.Duration(60)), Set.of(), null, null));

        assertThatThrownBy(() -> appointments.save(new StoredAppointment("a-1", "nobody", "relaxation", 60,
                MONDAY.atTime(9, 0), MONDAY.atTime(18, 0), MONDAY, BookingState.REQUESTED, false, null, null, null,
                null, null, null, null, null))).isInstanceOf(DataIntegrityViolationException.class);
    }
}
