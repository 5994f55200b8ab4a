package org.spascheduler.common;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A dated period in the spa's wall-clock time, e.g. a shift, time off or a room out of service. */
public record PeriodJson(@NotNull LocalDateTime startsAt, @NotNull LocalDateTime endsAt,
        @Nullable @Size(max = 200) String reason) {
}
