package org.spascheduler.room;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.spascheduler.common.PeriodJson;
import org.spascheduler.web.Ids;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A room as the API reads and writes it. */
public record RoomJson(@Nullable @Pattern(regexp = Ids.PATTERN) String id, @NotBlank @Size(max = 200) String name,
        Set<@NotBlank @Size(max = 100) String> features, List<@NotNull @Valid PeriodJson> outOfService,
        @Nullable Integer version) {

    public RoomJson {
        features = new TreeSet<>(Objects.requireNonNullElse(features, Set.of()));
        outOfService = List.copyOf(Objects.requireNonNullElse(outOfService, List.of()));
    }

    public static RoomJson from(StoredRoom room) {
        return new RoomJson(room.id(), room.name(),
                room.features().stream().map(StoredRoom.Feature::feature).collect(Collectors.toSet()),
                room.outOfService().stream().map(p -> new PeriodJson(p.startsAt(), p.endsAt(), p.reason())).toList(),
                room.version());
    }

    public StoredRoom toStored(String id, @Nullable Integer version) {
        return new StoredRoom(id, name, features.stream().map(StoredRoom.Feature::new).collect(Collectors.toSet()),
                outOfService.stream().map(p -> new StoredRoom.OutOfService(p.startsAt(), p.endsAt(), p.reason()))
                        .toList(),
                version);
    }
}
