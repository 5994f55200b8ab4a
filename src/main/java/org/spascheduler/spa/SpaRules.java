package org.spascheduler.spa;

import static org.spascheduler.common.FieldChecks.checkTimeRange;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.spascheduler.web.FieldProblem;

/**
 * What makes the spa's settings possible beyond the shape of each field (which bean validation checks, answered with
 * 400): a known time zone, a grain that divides a day, opening hours that end after they start (answered with 422).
 * Each problem is named by its JSON path under the given prefix, so that an edit and an import are judged alike.
 */
public final class SpaRules {

    private SpaRules() {
    }

    public static List<FieldProblem> check(Spa spa, String path) {
        var problems = new ArrayList<FieldProblem>();
        try {
            ZoneId.of(spa.timeZone());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(path + "timeZone",
                    "is not a known time zone (%s); use a region id such as Europe/Brussels"
                            .formatted(spa.timeZone())));
        }
        if (spa.grainMinutes() <= 0 || 24 * 60 % spa.grainMinutes() != 0) {
            problems.add(new FieldProblem(path + "grainMinutes",
                    "must divide a day evenly (%d minutes); for example 5, 10, 15 or 30"
                            .formatted(spa.grainMinutes())));
        }
        var index = 0;
        for (var hours : spa.openingHours()) {
            checkTimeRange(hours.opens(), hours.closes(), path + "openingHours[" + index++ + "]", "opens", "closes",
                    problems);
        }
        return problems;
    }
}
