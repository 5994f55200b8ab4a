package org.spascheduler.schedule.domain;

/**
 * A chronic client's series of sessions of one treatment.
 *
 * @param sessionsDoneBeforeWeek how many sessions of the series took place before this planning week; the week's
 *        sessions of the plan continue the series from there
 * @param sameTherapist the continuity wish: every session with the same therapist (rule 13)
 */
public record CarePlan(String id, String clientName, String treatmentName, int totalSessions, SeriesSpacing spacing,
        boolean sameTherapist, int sessionsDoneBeforeWeek) {

    public CarePlan {
        if (totalSessions <= 0 || sessionsDoneBeforeWeek < 0 || sessionsDoneBeforeWeek > totalSessions) {
            throw new IllegalArgumentException("The care plan (%s) has %d sessions of which %d done."
                    .formatted(id, totalSessions, sessionsDoneBeforeWeek));
        }
    }

    // Equal by id: a hash key in the score calculation, where hashing every field would cost.
    @Override
    public boolean equals(Object other) {
        return other instanceof CarePlan that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return treatmentName + " plan of " + clientName;
    }
}
