package org.spascheduler.room;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A treatment room, as stored: its features (massage table, couples room, stone heater) and out-of-service times. */
@Table("ROOM")
public record StoredRoom(@Id String id, String name,
        @MappedCollection(idColumn = "ROOM_ID") Set<Feature> features,
        @MappedCollection(idColumn = "ROOM_ID", keyColumn = "POSITION") List<OutOfService> outOfService,
        @Version @Nullable Integer version) {

    @Table("ROOM_FEATURE")
    public record Feature(String feature) {
    }

    @Table("ROOM_OUT_OF_SERVICE")
    public record OutOfService(LocalDateTime startsAt, LocalDateTime endsAt, @Nullable String reason) {
    }

    /** The same room with these periods out of service instead. */
    public StoredRoom withOutOfService(List<OutOfService> outOfService) {
        return new StoredRoom(id, name, features, outOfService, version);
    }
}
