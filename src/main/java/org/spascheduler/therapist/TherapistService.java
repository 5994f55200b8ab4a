package org.spascheduler.therapist;

import java.util.Comparator;

import org.jspecify.annotations.Nullable;
import org.spascheduler.web.Crud;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.PageJson;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes therapists; each write checks the data rules first and happens whole or not at all. */
@Service
@Transactional
class TherapistService {

    private final TherapistRepository therapists;

    TherapistService(TherapistRepository therapists) {
        this.therapists = therapists;
    }

    /** @param skill only the therapists with this skill; null for all */
    @Transactional(readOnly = true)
    PageJson<TherapistJson> list(@Nullable String skill, Pageable page) {
        if (skill == null) {
            return PageJson.of(therapists.findAll(page), TherapistJson::from);
        }
        var ids = therapists.findIdsBySkill(skill, page.getPageSize(), page.getOffset());
        var content = therapists.findAllById(ids).stream().sorted(Comparator.comparing(StoredTherapist::id)).toList();
        return PageJson.of(new PageImpl<>(content, page, therapists.countBySkill(skill)), TherapistJson::from);
    }

    @Transactional(readOnly = true)
    TherapistJson get(String id) {
        return TherapistJson.from(find(id));
    }

    TherapistJson create(TherapistJson json) {
        var therapist = json.toStored(Crud.idForCreate(json.id(), "therapist"), null);
        Crud.requirePossible(TherapistRules.check(therapist, ""));
        if (therapists.existsById(therapist.id())) {
            throw Crud.alreadyExists("therapist", therapist.id(), TherapistController.PATH + "/" + therapist.id());
        }
        return TherapistJson.from(therapists.save(therapist));
    }

    TherapistJson update(String id, TherapistJson json) {
        var version = Crud.requireUpdatable(id, json.id(), json.version());
        Crud.requireCurrent(version, find(id).version());
        var therapist = json.toStored(id, version);
        Crud.requirePossible(TherapistRules.check(therapist, ""));
        return TherapistJson.from(therapists.save(therapist));
    }

    /** Refused (409, nothing deleted) while a client or appointment refers to them. */
    void delete(String id, @Nullable Integer version) {
        Crud.requireCurrent(version, find(id).version());
        Crud.deleteUnlessReferenced("therapist", id, "clients or appointments", () -> therapists.deleteById(id));
    }

    private StoredTherapist find(String id) {
        if (!Crud.isId(id)) {
            throw new NotFoundException("therapist", "id", id);
        }
        return therapists.findById(id).orElseThrow(() -> new NotFoundException("therapist", "id", id));
    }
}
