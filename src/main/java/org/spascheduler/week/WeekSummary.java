package org.spascheduler.week;

import java.time.LocalDate;

/**
 * A week that has appointments, in numbers.
 *
 * @param appointments every stored appointment of the week, cancelled ones included
 * @param placed appointments, not cancelled, that have a therapist, a room and a start
 */
public record WeekSummary(LocalDate weekStart, int appointments, int requested, int confirmed, int placed) {
}
