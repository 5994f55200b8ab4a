package org.spascheduler;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The spa's clock in tests: a week in the future can be the present. Replaces the application's clock bean. */
public final class SettableClock extends Clock {

    private volatile Clock clock = Clock.systemUTC();

    public void set(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ZoneId getZone() {
        return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return clock.withZone(zone);
    }

    @Override
    public Instant instant() {
        return clock.instant();
    }
}
