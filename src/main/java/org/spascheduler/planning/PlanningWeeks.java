package org.spascheduler.planning;

import java.time.LocalDate;
import java.util.Map;

import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.weights.ConstraintCatalog;
import org.springframework.stereotype.Service;

/**
 * The one door between the spa's books and the planning model, used by the manager's roster jobs, the front desk and
 * the client's journey alike: a week read from the books, the week as a planning solution, and a solved roster
 * written back. The week kept scored between questions (slot options, plan suggestions) is {@link ScoredWeeks}, which
 * reads through here too.
 */
@Service
public class PlanningWeeks {

    private final RosterWeekStore store;
    private final ConstraintCatalog catalog;
    private final WeekSignatures signatures;

    PlanningWeeks(RosterWeekStore store, ConstraintCatalog catalog, WeekSignatures signatures) {
        this.store = store;
        this.catalog = catalog;
        this.signatures = signatures;
    }

    /**
     * What a roster of the week is solved from (its sessions and the records their hard rules read), as versions:
     * the same before and after a solve when nothing it relied on was written meanwhile.
     */
    public String signature(LocalDate weekStart) {
        return signatures.of(weekStart);
    }

    /** The week as stored; 404 without a spa, 422 when it has no sessions to roster. */
    public StoredWeek stored(LocalDate weekStart) {
        return store.load(weekStart);
    }

    /** The week as stored, also when it has no sessions yet: the front desk books its first one. */
    public StoredWeek storedEvenEmpty(LocalDate weekStart) {
        return store.loadEvenEmpty(weekStart);
    }

    /** The week with its sessions, read now, as a planning solution with the manager's weights. */
    public SpaSchedule solution(LocalDate weekStart) {
        return solution(stored(weekStart));
    }

    /**
     * A week read by the caller (perhaps changed: a session tried somewhere, windows narrowed for a repair) as a
     * planning solution with the manager's weights. The only place the books become a planning week.
     */
    public SpaSchedule solution(StoredWeek week) {
        return WeekMapper.toSchedule(week, catalog.levels());
    }

    /**
     * Writes where a solved roster puts the sessions a roster may move (requested, or confirmed and released),
     * skipping any changed by someone else since {@code expectedVersions} was read, and updates those versions.
     *
     * @return how many sessions were skipped because someone else changed them
     */
    public int storeRoster(LocalDate weekStart, SpaSchedule solved, Map<String, Integer> expectedVersions) {
        return store.storePlacements(weekStart, WeekMapper.placements(solved), expectedVersions);
    }

    RosterWeekStore.SpaRecords spaRecords() {
        return store.spaRecords();
    }

    StoredWeek storedEvenEmpty(LocalDate weekStart, RosterWeekStore.SpaRecords records) {
        return store.loadEvenEmpty(weekStart, records);
    }
}
