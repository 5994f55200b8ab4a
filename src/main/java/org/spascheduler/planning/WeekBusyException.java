package org.spascheduler.planning;

import java.time.Duration;
import java.time.LocalDate;

import org.spascheduler.web.ConflictException;

/**
 * Another change to the week held it longer than a caller should wait: answered at once with 409 and
 * {@code Retry-After}, rather than after queueing behind every other desk (the last of 100 racing bookings used to
 * wait over a minute for its answer).
 */
public class WeekBusyException extends ConflictException {

    public WeekBusyException(LocalDate weekStart, Duration waited) {
        super("weekStart", ("The week of %s is busy with another change (waited %d ms); nothing was changed. Try again "
                + "in a moment: the other change may have made this one unnecessary.").formatted(weekStart,
                        waited.toMillis()), null);
    }

    @Override
    public Duration retryAfter() {
        return Duration.ofSeconds(1);
    }
}
