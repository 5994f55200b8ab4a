package org.spascheduler.booking;

import org.spascheduler.common.ReferencedRows;
import org.springframework.data.relational.core.conversion.MutableAggregateChange;
import org.springframework.data.relational.core.mapping.event.BeforeSaveCallback;
import org.springframework.stereotype.Component;

/** Every write of a session holds the records it names until it commits ({@link ReferencedRows}). */
@Component
class AppointmentReferences implements BeforeSaveCallback<StoredAppointment> {

    private final ReferencedRows rows;

    AppointmentReferences(ReferencedRows rows) {
        this.rows = rows;
    }

    @Override
    public StoredAppointment onBeforeSave(StoredAppointment session, MutableAggregateChange<StoredAppointment> change) {
        rows.hold("client", "clientId", "client", session.clientId());
        rows.hold("treatment", "treatmentId", "treatment", session.treatmentId());
        rows.hold("care_plan", "carePlanId", "care plan", session.carePlanId());
        rows.hold("therapist", "therapistId", "therapist", session.therapistId());
        rows.hold("therapist", "publishedTherapistId", "therapist", session.publishedTherapistId());
        rows.hold("room", "roomId", "room", session.roomId());
        rows.hold("room", "publishedRoomId", "room", session.publishedRoomId());
        return session;
    }
}
