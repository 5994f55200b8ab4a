package org.spascheduler.books;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface BooksEventRepository extends ListCrudRepository<BooksEvent, Long> {

    List<BooksEvent> findByWeekStartOrderByRecordedAtAscIdAsc(LocalDate weekStart);
}
