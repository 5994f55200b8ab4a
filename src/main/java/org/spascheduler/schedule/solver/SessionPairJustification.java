package org.spascheduler.schedule.solver;

/** A rule about two sessions, e.g. a therapist booked twice at once, or care plan sessions too close together. */
public record SessionPairJustification(String firstAppointmentId, String secondAppointmentId, String description)
        implements RosterJustification {
}
