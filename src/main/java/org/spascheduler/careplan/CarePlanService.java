package org.spascheduler.careplan;

import org.jspecify.annotations.Nullable;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.treatment.TreatmentRepository;
import org.spascheduler.web.Crud;
import org.spascheduler.web.InvalidRequestException;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.PageJson;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes care plans; each write checks the data rules first and happens whole or not at all. */
@Service
@Transactional
class CarePlanService {

    private final CarePlanRepository carePlans;
    private final ClientRepository clients;
    private final TreatmentRepository treatments;
    private final JdbcAggregateOperations aggregates;

    CarePlanService(CarePlanRepository carePlans, ClientRepository clients, TreatmentRepository treatments,
            JdbcAggregateOperations aggregates) {
        this.carePlans = carePlans;
        this.clients = clients;
        this.treatments = treatments;
        this.aggregates = aggregates;
    }

    /** @param clientId only this client's plans; null for all */
    @Transactional(readOnly = true)
    PageJson<CarePlanJson> list(@Nullable String clientId, Pageable page) {
        var query = clientId == null ? Query.empty() : Query.query(Criteria.where("clientId").is(clientId));
        return PageJson.of(aggregates.findAll(query, StoredCarePlan.class, page), CarePlanJson::from);
    }

    @Transactional(readOnly = true)
    CarePlanJson get(String id) {
        return CarePlanJson.from(find(id));
    }

    CarePlanJson create(CarePlanJson json) {
        var plan = json.toStored(Crud.idForCreate(json.id(), "plan"), null);
        Crud.requirePossible(CarePlanRules.check(plan, "", this::clientExists, this::treatmentExists));
        if (carePlans.existsById(plan.id())) {
            throw Crud.alreadyExists("care plan", plan.id(), CarePlanController.PATH + "/" + plan.id());
        }
        return CarePlanJson.from(carePlans.save(plan));
    }

    /**
     * The plan's progress is the server's: the sessions done before it was kept here are said when it is created, and
     * from then on its sessions count themselves, so a changed {@code sessionsDoneBefore} is a 400.
     */
    CarePlanJson update(String id, CarePlanJson json) {
        var version = Crud.requireUpdatable(id, json.id(), json.version());
        var current = find(id);
        Crud.requireCurrent(version, current.version());
        if (json.sessionsDoneBefore() != current.sessionsDoneBefore()) {
            throw new InvalidRequestException("sessionsDoneBefore", ("is the plan's progress, which its sessions keep "
                    + "(%d); send it as read").formatted(current.sessionsDoneBefore()));
        }
        var plan = json.toStored(id, version);
        Crud.requirePossible(CarePlanRules.check(plan, "", this::clientExists, this::treatmentExists));
        return CarePlanJson.from(carePlans.save(plan));
    }

    /** Refused (409, nothing deleted) while an appointment refers to it. */
    void delete(String id, @Nullable Integer version) {
        Crud.requireCurrent(version, find(id).version());
        Crud.deleteUnlessReferenced("care plan", id, "appointments", () -> carePlans.deleteById(id));
    }

    private boolean clientExists(String id) {
        return Crud.isId(id) && clients.existsById(id);
    }

    private boolean treatmentExists(String id) {
        return Crud.isId(id) && treatments.existsById(id);
    }

    private StoredCarePlan find(String id) {
        if (!Crud.isId(id)) {
            throw new NotFoundException("care plan", "id", id);
        }
        return carePlans.findById(id).orElseThrow(() -> new NotFoundException("care plan", "id", id));
    }
}
