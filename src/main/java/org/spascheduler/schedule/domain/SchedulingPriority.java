package org.spascheduler.schedule.domain;

/**
 * Which sessions stay unscheduled first when a week is overbooked (rule 10): follow-ups of chronic care plans go first,
 * then confirmed sessions the front desk released, then other requests of clients in chronic care (so that time a
 * cancellation frees goes to a chronic client waiting for it), then new requests. The weight is what leaving one
 * unscheduled costs.
 */
public enum SchedulingPriority {
    CARE_PLAN_FOLLOW_UP(8),
    RELEASED_CONFIRMED(3),
    CHRONIC_CLIENT_REQUEST(2),
    NEW_REQUEST(1);

    private final int unscheduledWeight;

    SchedulingPriority(int unscheduledWeight) {
        this.unscheduledWeight = unscheduledWeight;
    }

    public int unscheduledWeight() {
        return unscheduledWeight;
    }
}
