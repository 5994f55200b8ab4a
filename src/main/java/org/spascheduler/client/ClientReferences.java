package org.spascheduler.client;

import org.spascheduler.common.ReferencedRows;
import org.springframework.data.relational.core.conversion.MutableAggregateChange;
import org.springframework.data.relational.core.mapping.event.BeforeSaveCallback;
import org.springframework.stereotype.Component;

/** Every write of a client holds the therapists it prefers or avoids until it commits ({@link ReferencedRows}). */
@Component
class ClientReferences implements BeforeSaveCallback<StoredClient> {

    private final ReferencedRows rows;

    ClientReferences(ReferencedRows rows) {
        this.rows = rows;
    }

    @Override
    public StoredClient onBeforeSave(StoredClient client, MutableAggregateChange<StoredClient> change) {
        client.preferredTherapists().forEach(preferred -> rows.hold("therapist", "preferredTherapistIds",
                "therapist", preferred.therapistId()));
        client.avoidedTherapists().forEach(avoided -> rows.hold("therapist", "avoidedTherapistIds", "therapist",
                avoided.therapistId()));
        return client;
    }
}
