package org.spascheduler.web;

/** One thing wrong with a request: where (a JSON path such as {@code therapists[2].shifts[0].endsAt}) and why. */
public record FieldProblem(String field, String reason) {
}
