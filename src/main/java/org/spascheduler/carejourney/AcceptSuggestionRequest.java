package org.spascheduler.carejourney;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The client takes one suggested plan, named by the {@code suggestionId} it came with. */
public record AcceptSuggestionRequest(@NotBlank @Size(max = 8_000) String suggestionId) {
}
