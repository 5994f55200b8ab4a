package org.spascheduler.common;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

/** A time range that repeats every week on one day, e.g. a usual shift or a preferred time. */
public record WeeklyTimeJson(@NotNull DayOfWeek dayOfWeek, @NotNull LocalTime starts, @NotNull LocalTime ends) {
}
