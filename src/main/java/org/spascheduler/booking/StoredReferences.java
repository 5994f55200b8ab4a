package org.spascheduler.booking;

import org.spascheduler.careplan.CarePlanRepository;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.room.RoomRepository;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.treatment.TreatmentRepository;
import org.spascheduler.web.Crud;
import org.springframework.stereotype.Component;

/** What {@link AppointmentRules} may rely on when one session is written through the API: the stored records. */
@Component
public class StoredReferences {

    private final AppointmentRules.References references;

    StoredReferences(TreatmentRepository treatments, TherapistRepository therapists, RoomRepository rooms,
            ClientRepository clients, CarePlanRepository carePlans) {
        // Text that cannot be an id names nothing; checking that first keeps odd input away from the database.
        references = new AppointmentRules.References(
                id -> Crud.isId(id) && therapists.existsById(id),
                id -> Crud.isId(id) && rooms.existsById(id),
                id -> Crud.isId(id) && clients.existsById(id),
                id -> Crud.isId(id) ? treatments.findById(id).orElse(null) : null,
                id -> Crud.isId(id) ? carePlans.findById(id).orElse(null) : null);
    }

    public AppointmentRules.References references() {
        return references;
    }
}
