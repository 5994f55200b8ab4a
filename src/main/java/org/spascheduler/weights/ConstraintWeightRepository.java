package org.spascheduler.weights;

import org.springframework.data.repository.ListCrudRepository;

public interface ConstraintWeightRepository extends ListCrudRepository<ConstraintWeight, String> {
}
