package org.spascheduler.careplan;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

public interface CarePlanRepository
        extends ListCrudRepository<StoredCarePlan, String>, ListPagingAndSortingRepository<StoredCarePlan, String> {

    List<StoredCarePlan> findByClientId(String clientId);
}
