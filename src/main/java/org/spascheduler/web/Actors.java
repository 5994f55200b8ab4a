package org.spascheduler.web;

import jakarta.servlet.http.HttpServletRequest;

/** Who makes a request, for the event log: the signed-in account, never a field the caller writes. */
public final class Actors {

    /** Recorded for a request nobody signed in to (only possible where the API lets anyone in). */
    public static final String ANONYMOUS = "anonymous";

    private Actors() {
    }

    public static String of(HttpServletRequest request) {
        var user = request.getRemoteUser();
        return user == null || user.isBlank() ? ANONYMOUS : user;
    }
}
