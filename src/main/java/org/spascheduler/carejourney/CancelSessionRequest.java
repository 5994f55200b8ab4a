package org.spascheduler.carejourney;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Size;

/**
 * @param reason why, for the front desk's log
 * @param version the version of the session the client read; 409 when it changed since
 */
public record CancelSessionRequest(@Nullable @Size(max = 500) String reason, @Nullable Integer version) {

    static final CancelSessionRequest NONE = new CancelSessionRequest(null, null);
}
