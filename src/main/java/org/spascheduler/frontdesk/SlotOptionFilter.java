package org.spascheduler.frontdesk;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TimeSlot;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;

/**
 * Which (therapist, start, room) placements of a new session are worth Timefold's score calculation. A placement
 * where the therapist is off shift or busy, the client busy, or the room busy or out of service can only break a hard
 * rule, so it is skipped unscored; that is what keeps a week-long window within the front desk's second. Among the
 * free rooms only the first is kept: no soft rule looks at which room a new session gets, so two options that differ
 * only in the room would be the same option twice.
 */
public final class SlotOptionFilter implements SelectionFilter<SpaSchedule, Move<SpaSchedule>> {

    @Override
    public boolean accept(ScoreDirector<SpaSchedule> scoreDirector, Move<SpaSchedule> move) {
        Therapist therapist = null;
        TimeSlot start = null;
        Room room = null;
        for (var value : move.getPlanningValues()) {
            if (value instanceof Therapist t) {
                therapist = t;
            } else if (value instanceof TimeSlot s) {
                start = s;
            } else if (value instanceof Room r) {
                room = r;
            }
        }
        if (therapist == null || start == null || room == null) {
            return false; // "leave it unassigned" is no option
        }
        var schedule = scoreDirector.getWorkingSolution();
        for (var entity : move.getPlanningEntities()) {
            if (!(entity instanceof Appointment session)
                    || !isFirstFreeRoom(schedule, session, therapist, start, room)) {
                return false;
            }
        }
        return true;
    }

    /** The therapist and the client are free then, and the room is the first of the session's rooms free then. */
    static boolean isFirstFreeRoom(SpaSchedule schedule, Appointment session, Therapist therapist, TimeSlot start,
            Room room) {
        if (!isFree(schedule, session, therapist, start, room)) {
            return false;
        }
        for (var earlier : session.getSuitableRooms()) {
            if (earlier.equals(room)) {
                return true;
            }
            if (isRoomFree(schedule, session, start, earlier)) {
                return false;
            }
        }
        return true;
    }

    /** True when no hard rule about time and place is certainly broken; the score decides the rest. */
    static boolean isFree(SpaSchedule schedule, Appointment session, Therapist therapist, TimeSlot start, Room room) {
        var from = start.minuteOfWeek();
        var to = from + session.getDurationMinutes();
        if (!therapist.isAvailable(from, to) || !isRoomFree(schedule, session, start, room)) {
            return false;
        }
        var therapistBusyUntil = to + therapist.changeoverMinutes();
        for (var other : schedule.getAppointments()) {
            if (other == session || !other.isScheduled()) {
                continue;
            }
            if (therapist.equals(other.getTherapist()) && other.getStartMinute() < therapistBusyUntil
                    && from < other.getTherapistBusyUntil()) {
                return false;
            }
            if (session.getClient().equals(other.getClient()) && other.getStartMinute() < to
                    && from < other.getEndMinute()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRoomFree(SpaSchedule schedule, Appointment session, TimeSlot start, Room room) {
        var from = start.minuteOfWeek();
        var to = from + session.getDurationMinutes();
        if (room.minutesOutOfService(from, to) > 0) {
            return false;
        }
        var roomBusyUntil = to + session.getTreatment().turnoverMinutes();
        for (var other : schedule.getAppointments()) {
            if (other != session && other.isScheduled() && room.equals(other.getRoom())
                    && other.getStartMinute() < roomBusyUntil && from < other.getRoomBusyUntil()) {
                return false;
            }
        }
        return true;
    }

    /** Any placement of the session at all worth scoring; Timefold refuses to recommend from an empty placement. */
    static boolean anyFree(SpaSchedule schedule, Appointment session) {
        for (var start : session.getCandidateStarts()) {
            for (var therapist : session.getEligibleTherapists()) {
                for (var room : session.getSuitableRooms()) {
                    if (isFree(schedule, session, therapist, start, room)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
