package org.spascheduler.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.spascheduler.security.Caller;
import org.spascheduler.security.Role;
import org.spascheduler.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/weeks/{weekStart}")
@Tag(name = "Week roster", description = "A week's roster: views, explanation, publishing")
class RosterWeekController {

    private final RosterWeekService service;

    RosterWeekController(RosterWeekService service) {
        this.service = service;
    }

    @GetMapping("/roster")
    @Operation(summary = "The week's roster by therapist, room or day; unplaced sessions listed apart",
            description = "While a roster job solves the week, this shows its best roster so far (stored every few "
                    + "seconds).")
    WeekRosterViews.WeekRoster roster(@PathVariable LocalDate weekStart,
            @RequestParam(defaultValue = "therapist") String by) {
        RosterController.requireMonday("weekStart", weekStart);
        var roster = service.roster(weekStart, grouping(by));
        var caller = Caller.current();
        return caller.is(Role.THERAPIST) ? ownSessions(roster, caller.therapistId()) : roster;
    }

    /**
     * A therapist's view of the week (OWASP API3): only their own sessions, with their clients' names and
     * treatments; other therapists' sessions and the unplaced requests are not theirs to see.
     */
    static WeekRosterViews.WeekRoster ownSessions(WeekRosterViews.WeekRoster roster, @Nullable String therapistId) {
        var groups = roster.groups().stream()
                .map(group -> new WeekRosterViews.Group(group.key(), group.name(), group.sessions().stream()
                        .filter(session -> session.therapistId() != null
                                && session.therapistId().equals(therapistId))
                        .toList()))
                .filter(group -> !group.sessions().isEmpty()).toList();
        var own = groups.stream().mapToInt(group -> group.sessions().size()).sum();
        return new WeekRosterViews.WeekRoster(roster.weekStart(), roster.by(), own, own, groups, List.of());
    }

    private static RosterWeekService.Grouping grouping(String by) {
        try {
            return RosterWeekService.Grouping.valueOf(by.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("by", "(%s) must be therapist, room or day".formatted(by));
        }
    }

    @GetMapping("/explanation")
    @Operation(summary = "Why the roster is as it is: the score per constraint with every match in words, and why "
            + "each unplaced session could not be placed")
    WeekRosterViews.Explanation explanation(@PathVariable LocalDate weekStart) {
        RosterController.requireMonday("weekStart", weekStart);
        return service.explain(weekStart);
    }

    @PostMapping("/publish")
    @Operation(summary = "Confirm every placed session: clients are told, and later solves keep them where they are",
            description = "409 while a roster job solves the week; 422 when the roster breaks a hard rule.")
    WeekRosterViews.Published publish(@PathVariable LocalDate weekStart) {
        RosterController.requireMonday("weekStart", weekStart);
        return service.publish(weekStart);
    }
}
