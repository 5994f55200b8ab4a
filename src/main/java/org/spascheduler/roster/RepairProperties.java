package org.spascheduler.roster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a repair after a front-desk event may solve: the front desk waits for it.
 *
 * @param spentLimit at most this long
 * @param unimprovedSpentLimit or until the roster has not improved for this long
 */
@ConfigurationProperties("spa.repair")
public record RepairProperties(@DefaultValue("2s") Duration spentLimit,
        @DefaultValue("200ms") Duration unimprovedSpentLimit) {
}
