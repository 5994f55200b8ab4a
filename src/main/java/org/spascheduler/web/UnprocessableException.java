package org.spascheduler.web;

import java.util.List;

/**
 * Input that is well-formed but impossible (a shift that ends before it starts, a care plan whose maximum spacing is
 * below its minimum, a reference to something that does not exist): answered with 422, naming every field and why.
 */
public class UnprocessableException extends RuntimeException {

    private final List<FieldProblem> problems;

    public UnprocessableException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public UnprocessableException(List<FieldProblem> problems) {
        super(InvalidRequestException.describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An unprocessable request names at least one problem.");
        }
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
