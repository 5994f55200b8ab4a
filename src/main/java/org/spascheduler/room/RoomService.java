package org.spascheduler.room;

import org.jspecify.annotations.Nullable;
import org.spascheduler.web.Crud;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.PageJson;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes rooms; each write checks the data rules first and happens whole or not at all. */
@Service
@Transactional
class RoomService {

    private final RoomRepository rooms;

    RoomService(RoomRepository rooms) {
        this.rooms = rooms;
    }

    @Transactional(readOnly = true)
    PageJson<RoomJson> list(Pageable page) {
        return PageJson.of(rooms.findAll(page), RoomJson::from);
    }

    @Transactional(readOnly = true)
    RoomJson get(String id) {
        return RoomJson.from(find(id));
    }

    RoomJson create(RoomJson json) {
        var room = json.toStored(Crud.idForCreate(json.id(), "room"), null);
        Crud.requirePossible(RoomRules.check(room, ""));
        if (rooms.existsById(room.id())) {
            throw Crud.alreadyExists("room", room.id(), RoomController.PATH + "/" + room.id());
        }
        return RoomJson.from(rooms.save(room));
    }

    RoomJson update(String id, RoomJson json) {
        var version = Crud.requireUpdatable(id, json.id(), json.version());
        Crud.requireCurrent(version, find(id).version());
        var room = json.toStored(id, version);
        Crud.requirePossible(RoomRules.check(room, ""));
        return RoomJson.from(rooms.save(room));
    }

    /** Refused (409, nothing deleted) while an appointment is placed in it. */
    void delete(String id, @Nullable Integer version) {
        Crud.requireCurrent(version, find(id).version());
        Crud.deleteUnlessReferenced("room", id, "appointments", () -> rooms.deleteById(id));
    }

    private StoredRoom find(String id) {
        if (!Crud.isId(id)) {
            throw new NotFoundException("room", "id", id);
        }
        return rooms.findById(id).orElseThrow(() -> new NotFoundException("room", "id", id));
    }
}
