package org.spascheduler.client;

import static org.spascheduler.common.FieldChecks.checkReferences;
import static org.spascheduler.common.FieldChecks.checkTimeRange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.spascheduler.web.FieldProblem;

/**
 * What makes a client's record possible: preferred and avoided therapists who exist, none both at once, preferred
 * times that end after they start.
 */
public final class ClientRules {

    private ClientRules() {
    }

    /** @param therapistExists the therapists a preference may name (stored, or in the same import) */
    public static List<FieldProblem> check(StoredClient client, String path, Predicate<String> therapistExists) {
        var problems = new ArrayList<FieldProblem>();
        var preferred = client.preferredTherapists().stream().map(StoredClient.PreferredTherapist::therapistId)
                .toList();
        var avoided = client.avoidedTherapists().stream().map(StoredClient.AvoidedTherapist::therapistId).toList();
        checkReferences(preferred, path + "preferredTherapistIds", "therapist", therapistExists, problems);
        checkReferences(avoided, path + "avoidedTherapistIds", "therapist", therapistExists, problems);
        preferred.stream().filter(avoided::contains).forEach(id -> problems.add(new FieldProblem(
                path + "avoidedTherapistIds", "names therapist (%s), who is also preferred".formatted(id))));
        var index = 0;
        for (var time : client.preferredTimes()) {
            checkTimeRange(time.starts(), time.ends(), path + "preferredTimes[" + index++ + "]", "starts", "ends",
                    problems);
        }
        return problems;
    }
}
