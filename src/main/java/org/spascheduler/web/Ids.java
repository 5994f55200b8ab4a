package org.spascheduler.web;

import java.util.UUID;

/** Ids of the spa's records: chosen by the spa (a slug such as "anna" or "room-1") or made up when left out. */
public final class Ids {

    /** Letters, digits, dot, dash and underscore; what a URL path segment carries without escaping. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private Ids() {
    }

    /** A new id with a readable prefix, e.g. "appointment-3f9a1c2b7d4e". */
    public static String generate(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
