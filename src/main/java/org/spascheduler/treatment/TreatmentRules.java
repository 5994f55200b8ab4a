package org.spascheduler.treatment;

import static org.spascheduler.common.FieldChecks.checkSpacing;

import java.util.ArrayList;
import java.util.List;

import org.spascheduler.web.FieldProblem;

/** What makes a treatment possible beyond the shape of its fields: a series spacing in order, no duration twice. */
public final class TreatmentRules {

    private TreatmentRules() {
    }

    public static List<FieldProblem> check(StoredTreatment treatment, String path) {
        var problems = new ArrayList<FieldProblem>();
        var series = treatment.seriesDefault();
        if (series != null) {
            checkSpacing(series.minDays(), series.idealMinDays(), series.idealMaxDays(), series.maxDays(),
                    path + "seriesDefault", problems);
        }
        var distinct = treatment.durations().stream().map(StoredTreatment.Duration::minutes).distinct().count();
        if (distinct != treatment.durations().size()) {
            problems.add(new FieldProblem(path + "durationsMinutes", "lists a duration twice"));
        }
        return problems;
    }
}
