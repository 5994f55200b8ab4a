package org.spascheduler.web;

import java.util.List;
import java.util.stream.Collectors;

/** Malformed or invalid input: answered with 400, naming every field and why. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public InvalidRequestException(List<FieldProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid request names at least one problem.");
        }
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    static String describe(List<FieldProblem> problems) {
        return problems.stream().map(problem -> problem.field() + " " + problem.reason())
                .collect(Collectors.joining("; "));
    }
}
