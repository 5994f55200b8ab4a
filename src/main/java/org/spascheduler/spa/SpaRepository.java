package org.spascheduler.spa;

import org.springframework.data.repository.ListCrudRepository;

public interface SpaRepository extends ListCrudRepository<Spa, Integer> {
}
