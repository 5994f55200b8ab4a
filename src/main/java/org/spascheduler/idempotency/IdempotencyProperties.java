package org.spascheduler.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keep how long an answer is kept for retries (at least a day: a desk may retry the next morning)
 * @param abandonAfter a first request not answered after this long is taken to have died with its service node, and
 *        a retry runs it again
 */
@ConfigurationProperties("spa.idempotency")
record IdempotencyProperties(@DefaultValue("PT25H") Duration keep, @DefaultValue("PT2M") Duration abandonAfter) {
}
