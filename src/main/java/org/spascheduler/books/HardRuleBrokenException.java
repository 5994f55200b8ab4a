package org.spascheduler.books;

import java.time.LocalDate;
import java.util.List;

import org.spascheduler.web.FieldProblem;
import org.spascheduler.web.UnprocessableException;

/**
 * A change would put a session where it breaks a hard rule of its week as it stands: 422 naming each rule in words,
 * and nothing is written. A caller with something better to offer (fresh slot options, fresh plan suggestions) turns
 * it into a 409 with those.
 */
public class HardRuleBrokenException extends UnprocessableException {

    private final LocalDate weekStart;

    HardRuleBrokenException(LocalDate weekStart, List<FieldProblem> problems) {
        super(problems);
        this.weekStart = weekStart;
    }

    public LocalDate weekStart() {
        return weekStart;
    }
}
