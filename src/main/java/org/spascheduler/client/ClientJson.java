package org.spascheduler.client;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.spascheduler.common.WeeklyTimeJson;
import org.spascheduler.web.Ids;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A client as the API reads and writes them. */
public record ClientJson(@Nullable @Pattern(regexp = Ids.PATTERN) String id, @NotBlank @Size(max = 200) String name,
        @Nullable @Email @Size(max = 200) String email, @Nullable @Size(max = 50) String phone, boolean chronic,
        Set<@NotBlank String> preferredTherapistIds, Set<@NotBlank String> avoidedTherapistIds,
        List<@NotNull @Valid WeeklyTimeJson> preferredTimes, @Nullable Integer version) {

    public ClientJson {
        preferredTherapistIds = new TreeSet<>(Objects.requireNonNullElse(preferredTherapistIds, Set.of()));
        avoidedTherapistIds = new TreeSet<>(Objects.requireNonNullElse(avoidedTherapistIds, Set.of()));
        preferredTimes = List.copyOf(Objects.requireNonNullElse(preferredTimes, List.of()));
    }

    public static ClientJson from(StoredClient client) {
        return new ClientJson(client.id(), client.name(), client.email(), client.phone(), client.chronic(),
                client.preferredTherapists().stream().map(StoredClient.PreferredTherapist::therapistId)
                        .collect(Collectors.toSet()),
                client.avoidedTherapists().stream().map(StoredClient.AvoidedTherapist::therapistId)
                        .collect(Collectors.toSet()),
                client.preferredTimes().stream().map(t -> new WeeklyTimeJson(t.dayOfWeek(), t.starts(), t.ends()))
                        .toList(),
                client.version());
    }

    public StoredClient toStored(String id, @Nullable Integer version) {
        return new StoredClient(id, name, email, phone, chronic,
                preferredTherapistIds.stream().map(StoredClient.PreferredTherapist::new).collect(Collectors.toSet()),
                avoidedTherapistIds.stream().map(StoredClient.AvoidedTherapist::new).collect(Collectors.toSet()),
                preferredTimes.stream().map(t -> new StoredClient.PreferredTime(t.dayOfWeek(), t.starts(), t.ends()))
                        .toList(),
                version);
    }
}
