package org.spascheduler.schedule.solver;

/** A rule about one session, e.g. "Anna lacks the trigger point skill for Bob's 60-min Trigger point (...)". */
public record SessionJustification(String appointmentId, String description) implements RosterJustification {
}
