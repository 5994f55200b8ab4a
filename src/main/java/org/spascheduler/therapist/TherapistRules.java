package org.spascheduler.therapist;

import static org.spascheduler.common.FieldChecks.checkPeriod;
import static org.spascheduler.common.FieldChecks.checkTimeRange;

import java.util.ArrayList;
import java.util.List;

import org.spascheduler.web.FieldProblem;

/** What makes a therapist's record possible: shifts, time off and rather-not-work times that end after they start. */
public final class TherapistRules {

    private TherapistRules() {
    }

    public static List<FieldProblem> check(StoredTherapist therapist, String path) {
        var problems = new ArrayList<FieldProblem>();
        var index = 0;
        for (var shift : therapist.weeklyShifts()) {
            checkTimeRange(shift.starts(), shift.ends(), path + "weeklyShifts[" + index++ + "]", "starts", "ends",
                    problems);
        }
        index = 0;
        for (var shift : therapist.shifts()) {
            var field = path + "shifts[" + index++ + "]";
            if (checkPeriod(shift.startsAt(), shift.endsAt(), field, problems)
                    && shift.endsAt().isAfter(shift.startsAt().plusDays(1))) {
                problems.add(new FieldProblem(field + ".endsAt", "makes a shift longer than a day"));
            }
        }
        index = 0;
        for (var timeOff : therapist.timeOff()) {
            checkPeriod(timeOff.startsAt(), timeOff.endsAt(), path + "timeOff[" + index++ + "]", problems);
        }
        index = 0;
        for (var time : therapist.ratherNotWork()) {
            checkTimeRange(time.starts(), time.ends(), path + "ratherNotWork[" + index++ + "]", "starts", "ends",
                    problems);
        }
        return problems;
    }
}
