package org.spascheduler.roster;

public enum RosterJobStatus {
    /**
     * Waiting for its turn: as many jobs solve at once as the service allows ({@code spa.roster.max-running}); its time
     * budget starts when it starts solving, and it reads the week then.
     */
    QUEUED,
    SOLVING,
    /** Stopped by its own termination: the time was up or the roster stopped improving. */
    COMPLETED,
    /**
     * Stopped early by the manager; the best roster so far is kept. A job stopped while QUEUED never ran and changed
     * nothing.
     */
    STOPPED,
    /**
     * The solver failed, or the service stopped while it was solving; stored data is as the last best roster left
     * it.
     */
    FAILED
}
