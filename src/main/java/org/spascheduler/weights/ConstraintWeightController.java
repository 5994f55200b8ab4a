package org.spascheduler.weights;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/constraint-weights")
@Tag(name = "Constraint weights", description = "How much each rule counts in the next solve")
class ConstraintWeightController {

    private final ConstraintWeightService service;

    ConstraintWeightController(ConstraintWeightService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Every constraint with its level, description and weight")
    List<ConstraintWeightView> list() {
        return service.list();
    }

    @GetMapping("/{constraint}")
    @Operation(summary = "One constraint's weight (the name URL-encoded, e.g. Unfair%20workload)")
    ConstraintWeightView get(@PathVariable String constraint) {
        return service.get(constraint);
    }

    @PutMapping("/{constraint}")
    @Operation(summary = "Change a constraint's weight at its level; send the version you read, if any")
    ConstraintWeightView change(@PathVariable String constraint, @Valid @RequestBody ConstraintWeightChange change) {
        return service.change(constraint, change);
    }

    @DeleteMapping("/{constraint}")
    @Operation(summary = "Back to the weight the constraint is defined with")
    ConstraintWeightView reset(@PathVariable String constraint,
            @RequestParam(required = false) @Nullable Integer version) {
        return service.reset(constraint, version);
    }
}
