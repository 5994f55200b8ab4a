package org.spascheduler.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.Client;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TimeSlot;

/**
 * Which (therapist, start, room) placements of a new session are worth Timefold's score calculation. A placement
 * where the therapist is off shift or busy, the client busy, or the room busy or out of service can only break a hard
 * rule, so it is skipped unscored; that is what keeps a week-long window fast. Among the free rooms only the first is
 * kept: no soft rule looks at which room a new session gets, so two options that differ only in the room would be the
 * same option twice.
 * <p>
 * The week's placed sessions are indexed once by therapist, room and client: a week-long window has a few thousand
 * (therapist, start) pairs, each checked against the few sessions of that therapist rather than all of the week's.
 */
final class SlotOptionFilter {

    private final Map<Therapist, List<Appointment>> byTherapist = new HashMap<>();
    private final Map<Room, List<Appointment>> byRoom = new HashMap<>();
    private final Map<Client, List<Appointment>> byClient = new HashMap<>();

    /** @param schedule the week without the new session; it must not change while this filter is used */
    SlotOptionFilter(SpaSchedule schedule) {
        for (var session : schedule.getAppointments()) {
            if (session.isScheduled()) {
                byTherapist.computeIfAbsent(session.getTherapist(), key -> new ArrayList<>()).add(session);
                byRoom.computeIfAbsent(session.getRoom(), key -> new ArrayList<>()).add(session);
                byClient.computeIfAbsent(session.getClient(), key -> new ArrayList<>()).add(session);
            }
        }
    }

    /**
     * The first of the session's rooms free then, when the therapist and the client are free too; null when no
     * placement with this therapist at this start is worth scoring.
     */
    @Nullable Room firstFreeRoom(Appointment session, Therapist therapist, TimeSlot start) {
        var from = start.minuteOfWeek();
        var to = from + session.getDurationMinutes();
        if (!therapist.isAvailable(from, to)) {
            return null;
        }
        var therapistBusyUntil = to + therapist.changeoverMinutes();
        for (var other : byTherapist.getOrDefault(therapist, List.of())) {
            if (other.getStartMinute() < therapistBusyUntil && from < other.getTherapistBusyUntil()) {
                return null;
            }
        }
        for (var other : byClient.getOrDefault(session.getClient(), List.of())) {
            if (other.getStartMinute() < to && from < other.getEndMinute()) {
                return null;
            }
        }
        for (var room : session.getSuitableRooms()) {
            if (isRoomFree(session, from, to, room)) {
                return room;
            }
        }
        return null;
    }

    private boolean isRoomFree(Appointment session, int from, int to, Room room) {
        if (room.minutesOutOfService(from, to) > 0) {
            return false;
        }
        var roomBusyUntil = to + session.getTreatment().turnoverMinutes();
        for (var other : byRoom.getOrDefault(room, List.of())) {
            if (other.getStartMinute() < roomBusyUntil && from < other.getRoomBusyUntil()) {
                return false;
            }
        }
        return true;
    }
}
