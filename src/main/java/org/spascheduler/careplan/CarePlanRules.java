package org.spascheduler.careplan;

import static org.spascheduler.common.FieldChecks.checkReference;
import static org.spascheduler.common.FieldChecks.checkSpacing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.spascheduler.web.FieldProblem;

/** What makes a care plan possible: its client and treatment exist, its spacing is in order, its count adds up. */
public final class CarePlanRules {

    private CarePlanRules() {
    }

    public static List<FieldProblem> check(StoredCarePlan plan, String path, Predicate<String> clientExists,
            Predicate<String> treatmentExists) {
        var problems = new ArrayList<FieldProblem>();
        checkReference(plan.clientId(), path + "clientId", "client", clientExists, problems);
        checkReference(plan.treatmentId(), path + "treatmentId", "treatment", treatmentExists, problems);
        checkSpacing(plan.minDays(), plan.idealMinDays(), plan.idealMaxDays(), plan.maxDays(), path + "spacing",
                problems);
        if (plan.sessionsDoneBefore() > plan.totalSessions()) {
            problems.add(new FieldProblem(path + "sessionsDoneBefore", "(%d) exceeds the plan's sessions (%d)"
                    .formatted(plan.sessionsDoneBefore(), plan.totalSessions())));
        }
        return problems;
    }
}
