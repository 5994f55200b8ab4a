package org.spascheduler.spa;

import org.spascheduler.web.Crud;
import org.spascheduler.web.InvalidRequestException;
import org.spascheduler.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes the spa's settings, the one row with id {@link Spa#ID}. */
@Service
@Transactional
class SpaService {

    private final SpaRepository spas;

    SpaService(SpaRepository spas) {
        this.spas = spas;
    }

    /** The settings as written, and whether this write created them. */
    record Saved(SpaJson spa, boolean created) {
    }

    @Transactional(readOnly = true)
    SpaJson get() {
        return SpaJson.from(spas.findById(Spa.ID).orElseThrow(() -> new NotFoundException("spa", "spa", Spa.ID)));
    }

    /** Creates the settings when there are none (any version sent is then moot); else replaces the version read. */
    Saved put(SpaJson json) {
        var current = spas.findById(Spa.ID);
        if (current.isPresent() && json.version() == null) {
            throw new InvalidRequestException("version",
                    "is required to update: send the version you read, so no one else's change is overwritten");
        }
        current.ifPresent(stored -> Crud.requireCurrent(json.version(), stored.version()));
        var spa = json.toStored(current.isPresent() ? json.version() : null);
        Crud.requirePossible(SpaRules.check(spa, ""));
        return new Saved(SpaJson.from(spas.save(spa)), current.isEmpty());
    }
}
