package org.spascheduler.roster;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface RosterJobRepository extends ListCrudRepository<RosterJob, Long> {

    List<RosterJob> findByStatus(RosterJobStatus status);

    List<RosterJob> findTop20ByWeekStartOrderByStartedAtDesc(LocalDate weekStart);

    List<RosterJob> findTop20ByOrderByStartedAtDesc();
}
