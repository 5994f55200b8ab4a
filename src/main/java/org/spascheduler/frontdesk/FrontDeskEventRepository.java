package org.spascheduler.frontdesk;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface FrontDeskEventRepository extends ListCrudRepository<FrontDeskEvent, Long> {

    List<FrontDeskEvent> findByWeekStartOrderByRecordedAtAscIdAsc(LocalDate weekStart);
}
