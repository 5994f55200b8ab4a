package org.spascheduler.schedule.domain;

/** Where a session is in its life; cancelled sessions never reach the solver. */
public enum AppointmentState {
    /** Asked for; the solver may place or move it. */
    REQUESTED,
    /** The client was told a time: it keeps it unless the front desk releases it. */
    CONFIRMED,
    IN_PROGRESS,
    DONE
}
