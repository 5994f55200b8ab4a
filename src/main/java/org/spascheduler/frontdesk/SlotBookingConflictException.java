package org.spascheduler.frontdesk;

import java.util.List;

import org.spascheduler.web.ConflictException;

/** The slot was taken (or no longer fits) by the time it was booked: 409, with what is free now. */
class SlotBookingConflictException extends ConflictException {

    private final List<SlotOptionView> options;

    SlotBookingConflictException(String detail, List<SlotOptionView> options) {
        super("startsAt", detail, null);
        this.options = List.copyOf(options);
    }

    List<SlotOptionView> options() {
        return options;
    }
}
