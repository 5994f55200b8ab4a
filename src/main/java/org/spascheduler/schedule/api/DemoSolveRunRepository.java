package org.spascheduler.schedule.api;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface DemoSolveRunRepository extends ListCrudRepository<DemoSolveRun, Long> {

    List<DemoSolveRun> findTop20ByOrderByStartedAtDesc();
}
