package org.spascheduler.frontdesk;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * The spa's "now", in its own wall-clock time: the front desk cannot change the past (a session that has ended, a
 * sick call for yesterday). A component, so that tests can set the time.
 */
@Component
public class FrontDeskClock {

    private volatile Clock clock = Clock.systemUTC();

    public LocalDateTime now(ZoneId spaZone) {
        return LocalDateTime.now(clock.withZone(spaZone));
    }

    /** For tests: a week in the future can be the present. */
    public void set(Clock clock) {
        this.clock = clock;
    }
}
