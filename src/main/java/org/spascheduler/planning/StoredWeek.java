package org.spascheduler.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.careplan.StoredCarePlan;
import org.spascheduler.client.StoredClient;
import org.spascheduler.room.StoredRoom;
import org.spascheduler.spa.Spa;
import org.spascheduler.therapist.StoredTherapist;
import org.spascheduler.treatment.StoredTreatment;

/**
 * One week as stored: what {@link WeekMapper} turns into a planning problem.
 *
 * @param appointments the week's appointments that are not cancelled
 * @param seriesIndexes each care-plan appointment's position in its series (0 for the first session ever)
 * @param plansDoneBeforeWeek per care plan, how many of its sessions come before this week
 * @param constraintWeights the manager's weights, by constraint name; constraints not named keep their own
 */
public record StoredWeek(LocalDate weekStart, Spa spa, List<StoredTreatment> treatments,
        List<StoredTherapist> therapists,
        List<StoredRoom> rooms, List<StoredClient> clients, List<StoredCarePlan> carePlans,
        List<StoredAppointment> appointments,
        Map<String, Integer> seriesIndexes, Map<String, Integer> plansDoneBeforeWeek,
        Map<String, Long> constraintWeights) {

    /** The same week with other appointments (a session tried somewhere, windows narrowed for a repair). */
    public StoredWeek withAppointments(List<StoredAppointment> appointments) {
        return new StoredWeek(weekStart, spa, treatments, therapists, rooms, clients, carePlans, appointments,
                seriesIndexes, plansDoneBeforeWeek, constraintWeights);
    }

    /** The same week with other appointments and the clients they involve. */
    public StoredWeek withAppointments(List<StoredAppointment> appointments, List<StoredClient> clients) {
        return new StoredWeek(weekStart, spa, treatments, therapists, rooms, clients, carePlans, appointments,
                seriesIndexes, plansDoneBeforeWeek, constraintWeights);
    }
}
