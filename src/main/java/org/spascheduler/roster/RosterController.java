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
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/rosters")
@Tag(name = "Roster jobs", description = "Solve a week's roster in the background, watch it, stop it")
class RosterController {

    private static final Duration MAX_SPENT_LIMIT = Duration.ofMinutes(30);
    private static final String QUEUED = """
            {"id": 12, "weekStart": "2026-11-30", "status": "QUEUED", "solving": false, "placeInQueue": 2,
             "ran": false, "score": null, "hardScore": null, "mediumScore": null, "softScore": null,
             "sessions": 356, "placed": 0, "unplaced": 356, "spentMillis": 0, "spentLimitMillis": 30000,
             "queuedAt": "2026-11-25T08:00:00Z", "startedAt": null, "endedAt": null, "failureReason": null,
             "roster": "/api/weeks/2026-11-30/roster", "explanation": "/api/weeks/2026-11-30/explanation"}""";
    private static final String QUEUE_FULL = """
            {"type": "about:blank", "title": "Too many requests", "status": 429,
             "detail": "request: the roster job queue is full (2 solving, 8 waiting, which is as many as may wait); \
            nothing was queued: try again in 12 s, or stop a job you no longer need",
             "instance": "/api/rosters", "field": "request",
             "errors": [{"field": "request", "reason": "the roster job queue is full (2 solving, 8 waiting, which \
            is as many as may wait); nothing was queued: try again in 12 s, or stop a job you no longer need"}]}""";

    private final RosterJobService service;
    private final SolverProperties defaults;

    RosterController(RosterJobService service, SolverProperties defaults) {
        this.service = service;
        this.defaults = defaults;
    }

    @PostMapping
    @Operation(summary = "Start solving a week's roster",
            description = "Answers 202 with the job's location at once; 409 with the week's job's location when "
                    + "the week already has one, solving or queued. Confirmed sessions keep their therapist, room and "
                    + "time. Jobs run from a queue: as many solve at once as the service allows "
                    + "(spa.roster.max-running, one per core by default); a job beyond that is QUEUED with its "
                    + "placeInQueue, starts when a running job ends, in the order asked for, and its time budget "
                    + "starts then. When as many wait as may (spa.roster.max-queued), the start is refused with 429 "
                    + "and Retry-After.")
    @ApiResponse(responseCode = "202", description = "Solving, or QUEUED waiting for its turn",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RosterJobView.class),
                    examples = @ExampleObject(name = "queued", summary = "Queued second in line", value = QUEUED)))
    @ApiResponse(responseCode = "409", description = "The week already has a job, solving or queued: Location "
            + "points at it", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "The roster job queue is full: nothing was queued. Retry-After "
            + "says when a running job reaches its time budget, so that a place is likely free (whole seconds)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                    schema = @Schema(type = "integer", example = "12")),
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "queue full", value = QUEUE_FULL)))
    ResponseEntity<RosterJobView> start(@Valid @RequestBody RosterRequest request) {
        requireMonday("weekStart", request.weekStart());
        var spent = request.spentLimit() == null ? defaults.spentLimit() : request.spentLimit();
        var unimproved = request.unimprovedSpentLimit() == null ? defaults.unimprovedSpentLimit()
                : request.unimprovedSpentLimit();
        requireWithin("spentLimit", spent);
        requireWithin("unimprovedSpentLimit", unimproved);
        var job = view(service.start(request.weekStart(), spent, unimproved));
        return ResponseEntity.accepted().location(URI.create("/api/rosters/" + job.id())).body(job);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job's status: queued (with its place) or solving, best score, sessions placed and "
            + "unplaced, time spent")
    @ApiResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RosterJobView.class),
                    examples = @ExampleObject(name = "queued", summary = "Queued second in line", value = QUEUED)))
    RosterJobView status(@PathVariable long id) {
        return view(service.status(id));
    }

    @GetMapping
    @Operation(summary = "The 20 latest jobs, of one week or of all, newest first")
    List<RosterJobView> list(@RequestParam(required = false) @Nullable LocalDate week) {
        if (week != null) {
            requireMonday("week", week);
        }
        return service.list(week).stream().map(this::view).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Stop a job early; it keeps and stores its best roster. A QUEUED job leaves the queue: it "
            + "ends STOPPED with ran false, having changed nothing")
    ResponseEntity<RosterJobView> stop(@PathVariable long id) {
        return ResponseEntity.accepted().body(view(service.stop(id)));
    }

    private RosterJobView view(RosterJob job) {
        return RosterJobView.of(job, service.placeInQueue(job));
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
