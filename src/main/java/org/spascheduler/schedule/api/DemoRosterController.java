package org.spascheduler.schedule.api;

import java.time.Duration;
import java.util.List;

import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.solver.SolverProperties;
import org.spascheduler.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * The smallest way to see the roster engine work: generate a demo spa week of a named size, solve it and return the
 * roster with its score. The full API for a spa's own data is its own piece of work.
 */
@RestController
@RequestMapping("/api/demo")
class DemoRosterController {

    static final Duration MAX_SPENT_LIMIT = Duration.ofMinutes(10);

    private final DemoRosterService service;
    private final DemoSolveRunRepository runs;
    private final SolverProperties defaults;

    DemoRosterController(DemoRosterService service, DemoSolveRunRepository runs,
            SolverProperties defaults) {
        this.service = service;
        this.runs = runs;
        this.defaults = defaults;
    }

    @Operation(summary = "Generate a demo spa week and solve it",
            description = "Blocks until the solver stops: after spentLimit, or once the best roster has not improved "
                    + "for unimprovedSpentLimit (ISO-8601 durations such as PT30S).")
    @PostMapping("/solve")
    RosterView solve(
            @Parameter(description = "SMALL, MEDIUM, LARGE or OVERBOOKED") @RequestParam DemoSize size,
            @Parameter(description = "Stop after this long (at most PT10M)") @RequestParam(required = false)
            Duration spentLimit,
            @Parameter(description = "Stop once the best roster has not improved for this long")
            @RequestParam(required = false) Duration unimprovedSpentLimit) {
        var spent = spentLimit == null ? defaults.spentLimit() : spentLimit;
        var unimproved = unimprovedSpentLimit == null ? defaults.unimprovedSpentLimit() : unimprovedSpentLimit;
        requirePositiveAtMost("spentLimit", spent, MAX_SPENT_LIMIT);
        requirePositiveAtMost("unimprovedSpentLimit", unimproved, MAX_SPENT_LIMIT);
        return service.solve(size, spent, unimproved);
    }

    @Operation(summary = "The 20 latest demo solves, newest first")
    @GetMapping("/runs")
    List<DemoSolveRun> latestRuns() {
        return runs.findTop20ByOrderByStartedAtDesc();
    }

    private static void requirePositiveAtMost(String field, Duration value, Duration max) {
        if (value.toMillis() < 1 || value.compareTo(max) > 0) {
            throw new InvalidRequestException(field,
                    "must be a duration from PT0.001S to %s, was %s".formatted(max, value));
        }
    }
}
