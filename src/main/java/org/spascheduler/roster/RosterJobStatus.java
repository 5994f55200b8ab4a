package org.spascheduler.roster;

public enum RosterJobStatus {
    SOLVING,
    /** Stopped by its own termination: the time was up or the roster stopped improving. */
    COMPLETED,
    /** Stopped early by the manager; the best roster so far is kept. */
    STOPPED,
    /**
     * The solver failed, or the service stopped while it was solving; stored data is as the last best roster left
     * it.
     */
    FAILED
}
