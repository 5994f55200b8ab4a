package org.spascheduler.client;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A client, as stored: contact details (which never reach the solver) and scheduling preferences.
 *
 * @param chronic whether the client is in chronic care: a cancellation's freed trigger-point time goes to them first
 */
@Table("CLIENT")
public record StoredClient(@Id String id, String name, @Nullable String email, @Nullable String phone, boolean chronic,
        @MappedCollection(idColumn = "CLIENT_ID") Set<PreferredTherapist> preferredTherapists,
        @MappedCollection(idColumn = "CLIENT_ID") Set<AvoidedTherapist> avoidedTherapists,
        @MappedCollection(idColumn = "CLIENT_ID", keyColumn = "POSITION") List<PreferredTime> preferredTimes,
        @Version @Nullable Integer version) {

    @Table("CLIENT_PREFERRED_THERAPIST")
    public record PreferredTherapist(String therapistId) {
    }

    @Table("CLIENT_AVOIDED_THERAPIST")
    public record AvoidedTherapist(String therapistId) {
    }

    /** Would like sessions to start every such day of the week between {@code starts} and {@code ends}. */
    @Table("CLIENT_PREFERRED_TIME")
    public record PreferredTime(DayOfWeek dayOfWeek, LocalTime starts, LocalTime ends) {
    }
}
