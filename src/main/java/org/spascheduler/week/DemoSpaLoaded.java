package org.spascheduler.week;

import java.time.LocalDate;

/**
 * Published once the demo spa was loaded into an empty database on a first start: what else belongs to the demo (its
 * sign-in accounts) is made then, and never for a spa's own data.
 */
public record DemoSpaLoaded(LocalDate weekStart) {
}
