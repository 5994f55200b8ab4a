package org.spascheduler.books;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a change wrote, for the event and the guard.
 *
 * @param subject what the event is about
 * @param reason the reason recorded with the event
 * @param causes why each session the change concerns directly changed, by appointment id
 * @param placed the sessions it put at a place of its choosing: each week must keep every hard rule with them there
 * @param result what the caller gets back
 */
public record Written<R>(Subject subject, @Nullable String reason, Map<String, String> causes, Set<String> placed,
        R result) {

    /** What an event is about: a session, a therapist or a room, and a time. */
    public record Subject(@Nullable String appointmentId, @Nullable String therapistId, @Nullable String roomId,
            @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, boolean late) {

        static final Subject NONE = new Subject(null, null, null, null, null, false);

        static Subject session(String appointmentId) {
            return new Subject(appointmentId, null, null, null, null, false);
        }
    }
}
