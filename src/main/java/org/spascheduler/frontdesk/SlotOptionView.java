package org.spascheduler.frontdesk;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One concrete place for the session, as the front desk reads it to the client. It names no other client: the
 * effects speak of the therapist's day, never of whom else they see.
 *
 * @param scoreDiff what booking it does to the week's score, e.g. "0hard/+1medium/-45soft"
 * @param effects what the option means for the client and the therapist, in words
 */
public record SlotOptionView(String therapistId, String therapist, String roomId, String room,
        LocalDateTime startsAt, LocalDateTime endsAt, String scoreDiff, List<String> effects) {
}
