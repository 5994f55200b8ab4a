package org.spascheduler.web;

import org.jspecify.annotations.Nullable;

/** A request that clashes with the current state (a job already running, a slot taken): answered with 409. */
public class ConflictException extends RuntimeException {

    private final @Nullable String location;

    /** @param location where the conflicting resource is, e.g. the running job; null when there is none to point to */
    public ConflictException(String detail, @Nullable String location) {
        super(detail);
        this.location = location;
    }

    public @Nullable String location() {
        return location;
    }
}
