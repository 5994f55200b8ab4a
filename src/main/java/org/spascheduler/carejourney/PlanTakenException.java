package org.spascheduler.carejourney;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.spascheduler.web.ConflictException;

/**
 * A session of the plan was taken (or no longer fits) by the time it was accepted: 409, with fresh suggestions (the
 * problem's property {@code suggestions}).
 */
class PlanTakenException extends ConflictException {

    private final @Nullable PlanSuggestionsView suggestions;

    PlanTakenException(String detail, @Nullable PlanSuggestionsView suggestions) {
        super("suggestionId", detail, null);
        this.suggestions = suggestions;
    }

    @Nullable
    PlanSuggestionsView suggestions() {
        return suggestions;
    }

    @Override
    public Map<String, Object> properties() {
        return suggestions == null ? Map.of() : Map.of("suggestions", suggestions);
    }
}
