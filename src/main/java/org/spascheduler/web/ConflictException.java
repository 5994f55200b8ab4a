package org.spascheduler.web;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A request that clashes with the current state (a job already running, a slot taken): answered with 409. */
public class ConflictException extends RuntimeException {

    private final String field;
    private final @Nullable String location;

    /**
     * @param field the request field the clash is about (e.g. {@code id}, {@code weekStart}), so that a client can
     *        point at it like at any other error
     * @param location where the conflicting resource is, e.g. the running job; null when there is none to point to
     */
    public ConflictException(String field, String detail, @Nullable String location) {
        super(detail);
        this.field = field;
        this.location = location;
    }

    public String field() {
        return field;
    }

    public @Nullable String location() {
        return location;
    }

    /** How long to wait before trying again, when waiting is all it takes (a header of the answer); else null. */
    public @Nullable Duration retryAfter() {
        return null;
    }

    /** More for the client to act on at once (say, fresh options), as properties of the problem answer. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
