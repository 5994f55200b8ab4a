package org.spascheduler.room;

import static org.spascheduler.common.FieldChecks.checkPeriod;

import java.util.ArrayList;
import java.util.List;

import org.spascheduler.web.FieldProblem;

/** What makes a room's record possible: out-of-service periods that end after they start. */
public final class RoomRules {

    private RoomRules() {
    }

    public static List<FieldProblem> check(StoredRoom room, String path) {
        var problems = new ArrayList<FieldProblem>();
        var index = 0;
        for (var period : room.outOfService()) {
            checkPeriod(period.startsAt(), period.endsAt(), path + "outOfService[" + index++ + "]", problems);
        }
        return problems;
    }
}
