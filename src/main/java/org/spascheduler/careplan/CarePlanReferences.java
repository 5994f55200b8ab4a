package org.spascheduler.careplan;

import org.spascheduler.common.ReferencedRows;
import org.springframework.data.relational.core.conversion.MutableAggregateChange;
import org.springframework.data.relational.core.mapping.event.BeforeSaveCallback;
import org.springframework.stereotype.Component;

/** Every write of a care plan holds its client and treatment until it commits ({@link ReferencedRows}). */
@Component
class CarePlanReferences implements BeforeSaveCallback<StoredCarePlan> {

    private final ReferencedRows rows;

    CarePlanReferences(ReferencedRows rows) {
        this.rows = rows;
    }

    @Override
    public StoredCarePlan onBeforeSave(StoredCarePlan plan, MutableAggregateChange<StoredCarePlan> change) {
        rows.hold("client", "clientId", "client", plan.clientId());
        rows.hold("treatment", "treatmentId", "treatment", plan.treatmentId());
        return plan;
    }
}
