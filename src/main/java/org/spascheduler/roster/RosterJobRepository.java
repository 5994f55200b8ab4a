package org.spascheduler.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** Roster jobs, and the queue they wait in: the QUEUED rows, in the order of their ids. */
public interface RosterJobRepository extends ListCrudRepository<RosterJob, Long> {

    List<RosterJob> findByStatus(RosterJobStatus status);

    /** The queue, first in line first. */
    List<RosterJob> findByStatusOrderByIdAsc(RosterJobStatus status);

    long countByStatus(RosterJobStatus status);

    /** How many wait ahead of a job: its place in the queue is one more. */
    long countByStatusAndIdLessThan(RosterJobStatus status, long id);

    /** The week's job while it is queued or solving. */
    Optional<RosterJob> findByActiveWeek(LocalDate weekStart);

    List<RosterJob> findTop20ByWeekStartOrderByIdDesc(LocalDate weekStart);

    List<RosterJob> findTop20ByOrderByIdDesc();
}
