package org.spascheduler.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed sign-ins allowed per username and per address, refilled evenly over {@code refillPeriod}: with the defaults,
 * 5 wrong passwords for one account, then one more try every 3 minutes.
 */
@ConfigurationProperties("spa.sign-in")
record SignInThrottleProperties(@DefaultValue("5") long failuresPerUsername,
        @DefaultValue("50") long failuresPerAddress, @DefaultValue("15m") Duration refillPeriod) {
}
