package org.spascheduler.carejourney;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.Placement;
import org.spascheduler.web.InvalidRequestException;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A suggested plan's id is the plan itself (the request it answers and its sessions), compressed, base64url encoded
 * and signed: {@code <plan>.<signature>}, the signature an HMAC-SHA256 of the compressed plan with the server's key
 * ({@link SuggestionKey}). The server keeps nothing between suggesting and accepting, so a suggestion survives a
 * restart, costs no memory and is accepted by any node of the service; the signature makes it opaque to change: an
 * id edited (another client, another plan, other sessions), cut short or made up is refused before anything in it is
 * read. Accepting still checks the request and every session again against the books as they are now.
 */
@Component
class SuggestionIds {

    /** No plan is anywhere near this long; a longer one is not ours. */
    private static final int MAX_BYTES = 64 * 1024;
    private static final String MAC = "HmacSHA256";
    private static final char SEPARATOR = '.';

    /** @param carePlanId the stored plan whose rest this is, null for a new plan */
    record Suggestion(CarePlanSuggestionRequest request, @Nullable String carePlanId, List<Placement> sessions) {
    }

    private final JsonMapper json;
    private final SecretKeySpec key;

    SuggestionIds(JsonMapper json, SuggestionKey key) {
        this.json = json;
        this.key = new SecretKeySpec(key.bytes(), MAC);
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
        var plan = out.toByteArray();
        var base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(plan) + SEPARATOR + base64.encodeToString(signature(plan));
    }

    /** 400 naming {@code suggestionId} for anything this service did not make, or made and someone changed. */
    Suggestion decode(String suggestionId) {
        var inflater = new Inflater();
        try {
            var separator = suggestionId.indexOf(SEPARATOR);
            if (separator < 0) {
                throw new DataFormatException("unsigned");
            }
            var plan = Base64.getUrlDecoder().decode(suggestionId.substring(0, separator));
            var signature = Base64.getUrlDecoder().decode(suggestionId.substring(separator + 1));
            // Constant time, so that a forger learns nothing from how long a refusal takes.
            if (!MessageDigest.isEqual(signature, signature(plan))) {
                throw new DataFormatException("not signed by this service");
            }
            inflater.setInput(plan);
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
            // Signed by this service, so written by it: values it writes but does not read (Placement.isPlaced) pass.
            var suggestion = json.readerFor(Suggestion.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .<Suggestion>readValue(out.toByteArray());
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

    private byte[] signature(byte[] plan) {
        try {
            var mac = Mac.getInstance(MAC);
            mac.init(key);
            return mac.doFinal(plan);
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA256, and the key is never empty.
            throw new IllegalStateException("Cannot sign suggestion ids.", e);
        }
    }
}
