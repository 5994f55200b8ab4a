package org.spascheduler.careplan;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A chronic client's series of sessions of one treatment, as stored. Its sessions are the appointments that reference
 * it; their order in the series follows their requested windows.
 *
 * @param sessionsDoneBefore sessions of the series that took place before the series was kept here
 * @param sameTherapist the continuity wish: every session with the same therapist (rule 13)
 */
@Table("CARE_PLAN")
public record StoredCarePlan(@Id String id, String clientId, String treatmentId, int totalSessions, int minDays,
        int idealMinDays, int idealMaxDays, int maxDays, boolean sameTherapist, int sessionsDoneBefore,
        @Version @Nullable Integer version) {
}
