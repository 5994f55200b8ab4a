package org.spascheduler.roster;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.spascheduler.schedule.solver.SolverProperties;
import org.spascheduler.web.InvalidRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/rosters")
@Tag(name = "Roster jobs", description = "Solve a week's roster in the background, watch it, stop it")
class RosterController {

    private static final Duration MAX_SPENT_LIMIT = Duration.ofMinutes(30);

    private final RosterJobService service;
    private final SolverProperties defaults;

    RosterController(RosterJobService service, SolverProperties defaults) {
        this.service = service;
        this.defaults = defaults;
    }

    @PostMapping
    @Operation(summary = "Start solving a week's roster",
            description = "Answers 202 with the job's location at once; 409 with the running job's location when "
                    + "the week is already solving. Confirmed sessions keep their therapist, room and time.")
    ResponseEntity<RosterJobView> start(@Valid @RequestBody RosterRequest request) {
        requireMonday("weekStart", request.weekStart());
        var spent = request.spentLimit() == null ? defaults.spentLimit() : request.spentLimit();
        var unimproved = request.unimprovedSpentLimit() == null ? defaults.unimprovedSpentLimit()
                : request.unimprovedSpentLimit();
        requireWithin("spentLimit", spent);
        requireWithin("unimprovedSpentLimit", unimproved);
        var job = RosterJobView.of(service.start(request.weekStart(), spent, unimproved));
        return ResponseEntity.accepted().location(URI.create("/api/rosters/" + job.id())).body(job);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job's status: solving or not, best score, sessions placed and unplaced, time spent")
    RosterJobView status(@PathVariable long id) {
        return RosterJobView.of(service.status(id));
    }

    @GetMapping
    @Operation(summary = "The 20 latest jobs, of one week or of all, newest first")
    List<RosterJobView> list(@RequestParam(required = false) @Nullable LocalDate week) {
        if (week != null) {
            requireMonday("week", week);
        }
        return service.list(week).stream().map(RosterJobView::of).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Stop a job early; it keeps and stores its best roster")
    ResponseEntity<RosterJobView> stop(@PathVariable long id) {
        return ResponseEntity.accepted().body(RosterJobView.of(service.stop(id)));
    }

    static void requireMonday(String field, LocalDate date) {
        if (date.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new InvalidRequestException(field,
                    "(%s) is a %s; a week starts on a Monday".formatted(date, date.getDayOfWeek()));
        }
    }

    private static void requireWithin(String field, Duration value) {
        if (value.toMillis() < 1 || value.compareTo(MAX_SPENT_LIMIT) > 0) {
            throw new InvalidRequestException(field,
                    "must be a duration from PT0.001S to %s, was %s".formatted(MAX_SPENT_LIMIT, value));
        }
    }
}
