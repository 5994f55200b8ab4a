package org.spascheduler.schedule.domain;

import java.util.Comparator;

/**
 * Orders sessions from easiest to hardest to place, so that the construction heuristic places the hardest first:
 * higher priority, then fewer possible (therapist, start) combinations, then longer sessions.
 */
public class AppointmentDifficultyComparator implements Comparator<Appointment> {

    private static final Comparator<Appointment> EASIEST_FIRST = Comparator
            .comparingInt((Appointment appointment) -> appointment.getPriority().unscheduledWeight())
            .thenComparing(AppointmentDifficultyComparator::placementOptions, Comparator.reverseOrder())
            .thenComparingInt(Appointment::getDurationMinutes)
            .thenComparing(Appointment::getId);

    @Override
    public int compare(Appointment a, Appointment b) {
        return EASIEST_FIRST.compare(a, b);
    }

    private static long placementOptions(Appointment appointment) {
        return (long) appointment.getEligibleTherapists().size() * appointment.getCandidateStarts().size();
    }
}
