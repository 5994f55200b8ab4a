package org.spascheduler.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.spascheduler.booking.Appointment;
import org.spascheduler.careplan.CarePlan;
import org.spascheduler.client.Client;
import org.spascheduler.room.Room;
import org.spascheduler.spa.Spa;
import org.spascheduler.therapist.Therapist;
import org.spascheduler.treatment.Treatment;

/**
 * One week as stored: what {@link WeekMapper} turns into a planning problem.
 *
 * @param appointments the week's appointments that are not cancelled
 * @param seriesIndexes each care-plan appointment's position in its series (0 for the first session ever)
 * @param plansDoneBeforeWeek per care plan, how many of its sessions come before this week
 * @param constraintWeights the manager's weights, by constraint name; constraints not named keep their own
 */
public record StoredWeek(LocalDate weekStart, Spa spa, List<Treatment> treatments, List<Therapist> therapists,
        List<Room> rooms, List<Client> clients, List<CarePlan> carePlans, List<Appointment> appointments,
        Map<String, Integer> seriesIndexes, Map<String, Integer> plansDoneBeforeWeek,
        Map<String, Long> constraintWeights) {

    /** The same week with other appointments (a session tried somewhere, windows narrowed for a repair). */
    public StoredWeek withAppointments(List<Appointment> appointments) {
        return new StoredWeek(weekStart, spa, treatments, therapists, rooms, clients, carePlans, appointments,
                seriesIndexes, plansDoneBeforeWeek, constraintWeights);
    }

    /** The same week with other appointments and the clients they involve. */
    public StoredWeek withAppointments(List<Appointment> appointments, List<Client> clients) {
        return new StoredWeek(weekStart, spa, treatments, therapists, rooms, clients, carePlans, appointments,
                seriesIndexes, plansDoneBeforeWeek, constraintWeights);
    }
}
