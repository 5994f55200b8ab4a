package org.spascheduler.schedule.solver;

/** How unevenly the week's hands-on minutes fall on the therapists, relative to the hours each works. */
public record WorkloadJustification(String description) implements RosterJustification {
}
