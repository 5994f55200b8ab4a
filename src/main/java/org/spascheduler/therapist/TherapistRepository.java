package org.spascheduler.therapist;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

public interface TherapistRepository
        extends ListCrudRepository<StoredTherapist, String>, ListPagingAndSortingRepository<StoredTherapist, String> {

    /** A page of the ids of the therapists with a skill, by id: skills live in a child table, out of Criteria's reach. */
    @Query("SELECT therapist_id FROM therapist_skill WHERE skill = :skill ORDER BY therapist_id "
            + "LIMIT :limit OFFSET :offset")
    List<String> findIdsBySkill(String skill, int limit, long offset);

    @Query("SELECT COUNT(*) FROM therapist_skill WHERE skill = :skill")
    long countBySkill(String skill);
}
