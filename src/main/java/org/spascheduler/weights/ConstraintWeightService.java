package org.spascheduler.weights;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.spascheduler.web.Crud;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.UnprocessableException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes the manager's constraint weights; the next solve uses them. */
@Service
public class ConstraintWeightService {

    private final ConstraintCatalog catalog;
    private final ConstraintWeightRepository weights;

    ConstraintWeightService(ConstraintCatalog catalog, ConstraintWeightRepository weights) {
        this.catalog = catalog;
        this.weights = weights;
    }

    @Transactional(readOnly = true)
    public List<ConstraintWeightView> list() {
        var stored = storedWeights();
        return catalog.entries().stream().map(entry -> view(entry, stored.get(entry.name()))).toList();
    }

    @Transactional(readOnly = true)
    public ConstraintWeightView get(String name) {
        var entry = entry(name);
        return view(entry, weights.findById(name).orElse(null));
    }

    /** The weights the manager changed, by constraint name, for the next solve. */
    @Transactional(readOnly = true)
    public Map<String, Long> overrides() {
        return weights.findAll().stream().filter(weight -> catalog.contains(weight.constraintName()))
                .collect(Collectors.toMap(ConstraintWeight::constraintName, ConstraintWeight::weight));
    }

    @Transactional
    public ConstraintWeightView change(String name, ConstraintWeightChange change) {
        var entry = entry(name);
        if (entry.level().equals("hard") && change.weight() == 0) {
            throw new UnprocessableException("weight",
                    "cannot be 0 for a hard constraint (%s): a roster breaking it could not be run".formatted(name));
        }
        var current = weights.findById(name).orElse(null);
        // Saving checks the version when a row exists; these two cases have no row version to compare with.
        if (current == null && change.version() != null || current != null && change.version() == null) {
            throw new OptimisticLockingFailureException("The weight of (%s) changed since it was read.".formatted(name));
        }
        var saved = weights.save(new ConstraintWeight(name, change.weight(), change.version()));
        return view(entry, saved);
    }

    /** Back to the weight the constraint is defined with. */
    @Transactional
    /** @param version the version read, when the caller wants a change made meanwhile to be a 409, as for a PUT */
    public ConstraintWeightView reset(String name, @Nullable Integer version) {
        var entry = entry(name);
        Crud.requireCurrent(version, weights.findById(name).map(ConstraintWeight::version).orElse(null));
        weights.deleteById(name);
        return view(entry, null);
    }

    private Map<String, ConstraintWeight> storedWeights() {
        return weights.findAll().stream()
                .collect(Collectors.toMap(ConstraintWeight::constraintName, weight -> weight));
    }

    private ConstraintCatalog.Entry entry(String name) {
        var entry = catalog.find(name);
        if (entry == null) {
            throw new NotFoundException("constraint", "constraint", name);
        }
        return entry;
    }

    private static ConstraintWeightView view(ConstraintCatalog.Entry entry, @Nullable ConstraintWeight stored) {
        return new ConstraintWeightView(entry.name(), entry.level(), entry.description(), entry.defaultWeight(),
                stored == null ? entry.defaultWeight() : stored.weight(), stored != null,
                stored == null ? null : stored.version());
    }
}
