package org.spascheduler.schedule.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.TimeSlot;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
// Timefold 1.32 has the type a <filterClass> must implement (SelectionFilter, over a Move) only in its impl packages.
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;

/**
 * Construction's filter for the therapist and start it gives a session: as {@link PlacementFilter}, and only where one
 * of the session's rooms is free then (its turnover included) and in service. Construction chooses the room after the
 * therapist and start; a start whose every room is taken would be placed breaking a rule and unscheduled again right
 * after, leaving local search to place it from scratch (79 sessions on MEDIUM, against first fit's 26). A session
 * with no such start for any therapist on shift is placed as before, where it breaks least: construction stops at a
 * session it has no move for.
 * <p>
 * The rooms' bookings are indexed once per session placed (construction's moves for one step share their session),
 * not once per move.
 */
public final class RoomFreePlacementFilter implements SelectionFilter<SpaSchedule, Move<SpaSchedule>> {

    private final PlacementFilter placement = new PlacementFilter();
    private @Nullable Appointment indexedFor;
    private Map<Room, List<Appointment>> bookingsByRoom = Map.of();
    private boolean roomFreeSomewhere;

    @Override
    public boolean accept(ScoreDirector<SpaSchedule> scoreDirector, Move<SpaSchedule> move) {
        if (!placement.accept(scoreDirector, move)) {
            return false;
        }
        var session = (Appointment) move.getPlanningEntities().iterator().next();
        TimeSlot start = null;
        for (var value : move.getPlanningValues()) {
            if (value instanceof TimeSlot slot) {
                start = slot;
            }
        }
        if (start == null) {
            return true;
        }
        if (session != indexedFor) {
            bookingsByRoom = index(scoreDirector.getWorkingSolution(), session);
            indexedFor = session;
            roomFreeSomewhere = session.getCandidateStarts().stream()
                    .anyMatch(slot -> hasFreeRoom(session, slot) && session.getEligibleTherapists().stream()
                            .anyMatch(therapist -> therapist.isAvailable(slot.minuteOfWeek(),
                                    slot.minuteOfWeek() + session.getDurationMinutes())));
        }
        return !roomFreeSomewhere || hasFreeRoom(session, start);
    }

    private boolean hasFreeRoom(Appointment session, TimeSlot start) {
        var from = start.minuteOfWeek();
        var end = from + session.getDurationMinutes();
        var busyUntil = end + session.getTreatment().turnoverMinutes();
        for (var room : session.getSuitableRooms()) {
            if (room.minutesOutOfService(from, end) == 0 && isFree(room, from, busyUntil)) {
                return true;
            }
        }
        return false;
    }

    private boolean isFree(Room room, int from, int busyUntil) {
        for (var other : bookingsByRoom.getOrDefault(room, List.of())) {
            if (other.getStartMinute() < busyUntil && from < other.getRoomBusyUntil()) {
                return false;
            }
        }
        return true;
    }

    private static Map<Room, List<Appointment>> index(SpaSchedule schedule, Appointment session) {
        var byRoom = new HashMap<Room, List<Appointment>>();
        for (var other : schedule.getAppointments()) {
            if (other != session && other.isRoomBooked()) {
                byRoom.computeIfAbsent(other.getRoom(), room -> new ArrayList<>()).add(other);
            }
        }
        return byRoom;
    }
}
