package org.spascheduler.therapist;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

public interface TherapistRepository
        extends ListCrudRepository<Therapist, String>, ListPagingAndSortingRepository<Therapist, String> {
}
