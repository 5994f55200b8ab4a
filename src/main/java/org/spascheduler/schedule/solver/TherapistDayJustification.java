package org.spascheduler.schedule.solver;

import java.time.LocalDate;

/** A rule about one therapist's working day: breaks, caps, idle gaps. */
public record TherapistDayJustification(String therapistId, LocalDate date, String description)
        implements RosterJustification {
}
