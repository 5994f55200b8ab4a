package org.spascheduler.week;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on one imported week document, far above any spa's week (the LARGE demo week, 1,138 sessions, is about 1 MB)
 * and far below what would overwhelm a roster job.
 *
 * @param maxSize beyond it, 413 before the document is read
 * @param maxSessions beyond it, 422 naming {@code appointments}
 */
@ConfigurationProperties("spa.import")
record ImportProperties(@DefaultValue("5MB") DataSize maxSize, @DefaultValue("3000") int maxSessions) {
}
