package org.spascheduler.carejourney;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.spascheduler.web.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

@Tag(name = "Care plans: a client's journey",
        description = "Suggested multi-session plans that fit around everyone's bookings, booked in one step")
@RestController
@RequestMapping(CarePlanSuggestionsController.PATH)
class CarePlanSuggestionsController {

    /** Under the care plans' own path: a suggestion becomes a plan there. */
    static final String PATH = "/api/care-plans";

    private final CarePlanSuggestionService suggestions;
    private final CarePlanBookingService bookings;

    CarePlanSuggestionsController(CarePlanSuggestionService suggestions, CarePlanBookingService bookings) {
        this.suggestions = suggestions;
        this.bookings = bookings;
    }

    @PostMapping("/suggestions")
    @Operation(summary = "Up to three different plans of concrete sessions for a client's series",
            description = "Each plan breaks no hard rule of any week it touches (confirmed sessions included), keeps "
                    + "the spacing and the client's rest between high-load sessions, and says its trade-off in "
                    + "words. When no complete plan fits in the horizon, whyIncomplete says why and the longest plan "
                    + "that fits is offered. 400 for malformed input (no sessions, a horizon beyond 8 weeks), 422 "
                    + "for input that cannot be answered (unknown client, treatment or therapist, spacing out of "
                    + "order).")
    PlanSuggestionsView suggest(@Valid @RequestBody CarePlanSuggestionRequest request) {
        return suggestions.suggest(request);
    }

    @PostMapping("/suggestions/accept")
    @Operation(summary = "Book a suggested plan: every session confirmed, in one transaction",
            description = "Every session is checked again against the weeks as they are now; if any is taken, "
                    + "nothing is booked and the answer is 409 with fresh suggestions (property suggestions).")
    ResponseEntity<CarePlanProgressView> accept(@Valid @RequestBody AcceptSuggestionRequest request,
            HttpServletRequest http) {
        var accepted = bookings.accept(request.suggestionId(), Actors.of(http));
        return ResponseEntity.created(URI.create(PATH + "/" + accepted.plan().id() + "/progress"))
                .body(accepted);
    }

    @GetMapping("/{id}/progress")
    @Operation(summary = "A care plan with each of its sessions: done, in progress, upcoming, cancelled, to book")
    CarePlanProgressView progress(@PathVariable String id) {
        return bookings.progress(id);
    }

    @PostMapping("/{id}/sessions/{appointmentId}/cancel")
    @Operation(summary = "Cancel one session of the plan",
            description = "Through the books' cancellation, as at the front desk, so the week is repaired and the "
                    + "freed time offered "
                    + "to the waitlist. The answer is the plan's progress; suggest the rest with "
                    + "POST /api/care-plans/{id}/suggestions.")
    CarePlanProgressView cancel(@PathVariable String id, @PathVariable String appointmentId,
            @Valid @RequestBody(required = false) @Nullable CancelSessionRequest request,
            HttpServletRequest http) {
        return bookings.cancel(id, appointmentId, request == null ? CancelSessionRequest.NONE : request,
                Actors.of(http));
    }

    @PostMapping("/{id}/suggestions")
    @Operation(summary = "Suggest the rest of a stored plan again, around its kept sessions",
            description = "The plan gives treatment, spacing and continuity; the sessions done or booked stay, and "
                    + "the new ones keep the spacing with them. Accept one as any suggestion.")
    PlanSuggestionsView suggestRest(@PathVariable String id,
            @Valid @RequestBody(required = false) @Nullable RestOfPlanRequest request) {
        return suggestions.suggestRest(id, request == null ? RestOfPlanRequest.NONE : request);
    }
}
