package org.spascheduler.booking;

import org.jspecify.annotations.Nullable;

/**
 * Cancels a session the way every cancellation is made: the event recorded, the week's roster repaired and its freed
 * time offered. The front desk implements it; the client's journey cancels a session of a care plan through it
 * without knowing the desk.
 */
public interface SessionCancellation {

    /**
     * @param late a cancellation at short notice
     * @param actor who cancels, for the event log
     * @param version the session's version as the caller read it; null to skip the check
     */
    void cancel(String appointmentId, boolean late, String actor, @Nullable String reason, @Nullable Integer version);
}
