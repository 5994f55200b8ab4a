package org.spascheduler.carejourney;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.Placement;
import org.spascheduler.web.InvalidRequestException;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A suggested plan's id is the plan itself (the request it answers and its sessions), compressed and base64url
 * encoded: the server keeps nothing between suggesting and accepting, so a suggestion survives a restart and costs no
 * memory. Nothing in it is trusted: accepting checks the request and every session again, as if new.
 */
@Component
class SuggestionIds {

    /** No plan is anywhere near this long; a longer one is not ours. */
    private static final int MAX_BYTES = 64 * 1024;

    /** @param carePlanId the stored plan whose rest this is, null for a new plan */
    record Suggestion(CarePlanSuggestionRequest request, @Nullable String carePlanId, List<Placement> sessions) {
    }

    private final JsonMapper json;

    SuggestionIds(JsonMapper json) {
        this.json = json;
    }

    String encode(Suggestion suggestion) {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(json.writeValueAsBytes(suggestion));
        deflater.finish();
        var out = new ByteArrayOutputStream();
        var buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** 400 naming {@code suggestionId} for anything this service did not make. */
    Suggestion decode(String suggestionId) {
        var inflater = new Inflater();
        try {
            inflater.setInput(Base64.getUrlDecoder().decode(suggestionId));
            var out = new ByteArrayOutputStream();
            var buffer = new byte[1024];
            while (!inflater.finished()) {
                var inflated = inflater.inflate(buffer);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                out.write(buffer, 0, inflated);
                if (out.size() > MAX_BYTES) {
                    throw new DataFormatException("too long");
                }
            }
            var suggestion = json.readValue(out.toByteArray(), Suggestion.class);
            if (suggestion.request() == null || suggestion.sessions() == null || suggestion.sessions().isEmpty()) {
                throw new DataFormatException("incomplete");
            }
            return suggestion;
        } catch (IllegalArgumentException | DataFormatException | JacksonException e) {
            throw new InvalidRequestException("suggestionId", "is not the id of a plan this service suggested; "
                    + "send it back as the suggestion carried it");
        } finally {
            inflater.end();
        }
    }
}
