package org.spascheduler.booking;

/** Where a stored appointment is in its life; only cancelled ones have no planning counterpart. */
public enum BookingState {
    /** Asked for; the solver may place or move it. */
    REQUESTED,
    /** The client was told a time: it keeps it unless the front desk releases it. */
    CONFIRMED,
    IN_PROGRESS,
    DONE,
    CANCELLED
}
