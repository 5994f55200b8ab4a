package org.spascheduler.treatment;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

public interface TreatmentRepository
        extends ListCrudRepository<StoredTreatment, String>, ListPagingAndSortingRepository<StoredTreatment, String> {
}
