package org.spascheduler.treatment;

import org.jspecify.annotations.Nullable;
import org.spascheduler.web.Crud;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.PageJson;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes treatments; each write checks the data rules first and happens whole or not at all. */
@Service
@Transactional
class TreatmentService {

    private final TreatmentRepository treatments;

    TreatmentService(TreatmentRepository treatments) {
        this.treatments = treatments;
    }

    @Transactional(readOnly = true)
    PageJson<TreatmentJson> list(Pageable page) {
        return PageJson.of(treatments.findAll(page), TreatmentJson::from);
    }

    @Transactional(readOnly = true)
    TreatmentJson get(String id) {
        return TreatmentJson.from(find(id));
    }

    TreatmentJson create(TreatmentJson json) {
        var treatment = json.toStored(Crud.idForCreate(json.id(), "treatment"), null);
        Crud.requirePossible(TreatmentRules.check(treatment, ""));
        if (treatments.existsById(treatment.id())) {
            throw Crud.alreadyExists("treatment", treatment.id(), TreatmentController.PATH + "/" + treatment.id());
        }
        return TreatmentJson.from(treatments.save(treatment));
    }

    TreatmentJson update(String id, TreatmentJson json) {
        var version = Crud.requireUpdatable(id, json.id(), json.version());
        Crud.requireCurrent(version, find(id).version());
        var treatment = json.toStored(id, version);
        Crud.requirePossible(TreatmentRules.check(treatment, ""));
        return TreatmentJson.from(treatments.save(treatment));
    }

    /** Refused (409, nothing deleted) while a care plan or appointment refers to it. */
    void delete(String id, @Nullable Integer version) {
        Crud.requireCurrent(version, find(id).version());
        Crud.deleteUnlessReferenced("treatment", id, "care plans or appointments", () -> treatments.deleteById(id));
    }

    private StoredTreatment find(String id) {
        if (!Crud.isId(id)) {
            throw new NotFoundException("treatment", "id", id);
        }
        return treatments.findById(id).orElseThrow(() -> new NotFoundException("treatment", "id", id));
    }
}
