package org.spascheduler.careplan;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

public interface CarePlanRepository
        extends ListCrudRepository<CarePlan, String>, ListPagingAndSortingRepository<CarePlan, String> {

    List<CarePlan> findByClientId(String clientId);
}
