package org.spascheduler.spa;

import org.spascheduler.careplan.CarePlanRepository;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.room.RoomRepository;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.treatment.TreatmentRepository;
import org.spascheduler.web.Crud;
import org.springframework.stereotype.Component;

/** The ids {@link SpaDataRules} may rely on when one record is written through the API: those stored. */
@Component
public class StoredKnownIds {

    private final SpaDataRules.KnownIds known;

    StoredKnownIds(TreatmentRepository treatments, TherapistRepository therapists, RoomRepository rooms,
            ClientRepository clients, CarePlanRepository carePlans) {
        // Text that cannot be an id names nothing; checking that first keeps odd input away from the database.
        known = new SpaDataRules.KnownIds(
                id -> Crud.isId(id) && treatments.existsById(id),
                id -> Crud.isId(id) && therapists.existsById(id),
                id -> Crud.isId(id) && rooms.existsById(id),
                id -> Crud.isId(id) && clients.existsById(id),
                id -> Crud.isId(id) ? carePlans.findById(id).orElse(null) : null,
                id -> Crud.isId(id) ? treatments.findById(id).orElse(null) : null);
    }

    public SpaDataRules.KnownIds known() {
        return known;
    }
}
