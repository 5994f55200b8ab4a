package org.spascheduler.books;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.SortedSet;

import org.jspecify.annotations.Nullable;
import org.spascheduler.room.StoredRoom;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A room cannot be used from {@code startsAt} to {@code endsAt} (the stone heater broke): its sessions in it move. */
public record RoomOutOfService(@NotBlank String roomId, @NotNull LocalDateTime startsAt,
        @NotNull LocalDateTime endsAt, @Nullable @Size(max = 200) String reason) implements BookChange<Void> {

    @Override
    public BooksEventKind kind() {
        return BooksEventKind.ROOM_OUT_OF_SERVICE;
    }

    @Override
    public SortedSet<LocalDate> weeks(BooksAccess books) {
        books.knownId(roomId, "roomId", "room");
        return BooksAccess.only(books.period(startsAt, endsAt).weekStart());
    }

    @Override
    public Written<Void> apply(BooksAccess books, SortedSet<LocalDate> lockedWeeks, String actor) {
        var period = books.period(startsAt, endsAt);
        var room = books.rooms.findById(books.knownId(roomId, "roomId", "room"))
                .orElseThrow();
        var outOfService = new ArrayList<>(room.outOfService());
        outOfService.add(new StoredRoom.OutOfService(startsAt, endsAt, reason));
        books.rooms.save(room.withOutOfService(outOfService));
        return books.releasedDuring(period, appointment -> room.id().equals(appointment.roomId()),
                "%s is out of service%s".formatted(room.name(), BooksAccess.because(reason)),
                new Written.Subject(null, null, room.id(), startsAt, endsAt, false), reason);
    }
}
