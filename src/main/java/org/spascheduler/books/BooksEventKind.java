package org.spascheduler.books;

/** What kind of change to the books an event records. */
public enum BooksEventKind {
    CANCELLATION,
    /** A therapist cannot work for a day or part of it (a sick call). */
    THERAPIST_UNAVAILABLE,
    /** A room cannot be used for a while (the stone heater broke). */
    ROOM_OUT_OF_SERVICE,
    /** A walk-in, a phone call or a session added to the records: a session asked for, placed by the roster. */
    BOOKING_REQUEST,
    /** A confirmed session the front desk lets the solver move. */
    RELEASE,
    /** A session moved by hand to a chosen therapist, room and time. */
    MANUAL_MOVE,
    /** A slot option booked for a client. */
    BOOKING,
    /** A suggested care plan accepted: its sessions booked, confirmed where suggested. */
    PLAN_BOOKING,
    /** A session's record edited: its client, treatment, length or window. */
    SESSION_EDIT,
    /** A session deleted from the records (one asked for by mistake, say); a client's cancellation is not this. */
    SESSION_REMOVAL,
    /** A whole week document imported over the week's sessions. */
    WEEK_IMPORT
}
