package org.spascheduler.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;

/**
 * Issue 15: a session's suitable rooms list the rooms fewest other sessions need first, so that construction (which
 * takes the first room that breaks no rule) keeps a rare room for the sessions that need it.
 */
class RoomOrderTest {

    @Test
    void aSessionThatMayUseAnyRoomIsOfferedTheRareRoomLast() {
        var week = DemoSpaGenerator.generate(DemoSize.CLINIC, DemoSpaGenerator.DEFAULT_SEED, LocalDate.of(2026, 11, 30));
        var stoneRoom = week.getRooms().stream().filter(room -> room.features().contains("stone heater"))
                .findFirst().orElseThrow();
        // The spa's own list starts with it; sessions that any room suits see it last.
        assertThat(week.getRooms().get(0)).isEqualTo(stoneRoom);
        var relaxation = week.getAppointments().stream()
                .filter(appointment -> appointment.getTreatment().id().equals("relaxation")).findFirst().orElseThrow();
        assertThat(relaxation.getSuitableRooms()).hasSize(week.getRooms().size()).last().isEqualTo(stoneRoom);
        var hotStone = week.getAppointments().stream()
                .filter(appointment -> appointment.getTreatment().id().equals("hot-stone")).findFirst().orElseThrow();
        assertThat(hotStone.getSuitableRooms()).containsExactly(stoneRoom);
    }

    @Test
    void aSessionAddedLaterGetsTheSameOrder() {
        var week = DemoSpaGenerator.generate(DemoSize.CLINIC, DemoSpaGenerator.DEFAULT_SEED, LocalDate.of(2026, 11, 30));
        var relaxation = week.getAppointments().stream()
                .filter(appointment -> appointment.getTreatment().id().equals("relaxation")).findFirst().orElseThrow();
        var walkIn = new Appointment("walk-in", relaxation.getClient(), relaxation.getTreatment(),
                relaxation.getDurationMinutes(), relaxation.getRequestedWindow(), AppointmentState.REQUESTED, false,
                null, 0, null);

        week.restrictValues(walkIn);

        assertThat(walkIn.getSuitableRooms()).containsExactlyElementsOf(relaxation.getSuitableRooms());
    }
}
