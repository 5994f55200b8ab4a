package org.spascheduler.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each caller's budget per kind of expensive request: {@code burst} at once, then {@code perSecond} more each second.
 * A desk clicking or a client comparing plans stays far below it; a script hammering slot options does not.
 */
@ConfigurationProperties("spa.rate-limit")
record RateLimitProperties(@DefaultValue("20") long burst, @DefaultValue("5") long perSecond) {
}
