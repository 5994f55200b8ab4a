package org.spascheduler.frontdesk;

public enum FrontDeskEventKind {
    CANCELLATION,
    /** A therapist cannot work for a day or part of it (a sick call). */
    THERAPIST_UNAVAILABLE,
    /** A room cannot be used for a while (the stone heater broke). */
    ROOM_OUT_OF_SERVICE,
    /** A walk-in or a phone call asking for a session. */
    BOOKING_REQUEST,
    /** A confirmed session the front desk lets the solver move. */
    RELEASE,
    /** A session moved by hand to a chosen therapist, room and time. */
    MANUAL_MOVE,
    /** A slot option booked for a client. */
    BOOKING,
    /** A whole week document imported over the week's sessions. */
    WEEK_IMPORT
}
