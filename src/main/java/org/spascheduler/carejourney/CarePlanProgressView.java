package org.spascheduler.carejourney;

import java.time.LocalDateTime;
import java.util.List;
import org.spascheduler.careplan.CarePlanJson;

import org.jspecify.annotations.Nullable;

/**
 * A stored care plan and where it stands: each of its sessions and how many are done, upcoming, cancelled and still
 * to be booked. Only the plan's own sessions appear.
 *
 * @param toBook sessions of the plan with no booking yet (cancelled ones not rebooked, or a partial plan's rest)
 */
public record CarePlanProgressView(CarePlanJson plan, int done, int inProgress, int upcoming, int cancelled,
        int toBook, List<Session> sessions) {

    /** @param state DONE, IN_PROGRESS, UPCOMING (confirmed or requested) or CANCELLED */
    public record Session(String appointmentId, @Nullable Integer number, String state,
            @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, @Nullable String therapistId,
            @Nullable String therapist, @Nullable String roomId, @Nullable String room, @Nullable Integer version) {
    }
}
