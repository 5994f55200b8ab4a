package org.spascheduler.schedule.solver;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;

import ai.timefold.solver.core.api.solver.change.ProblemChange;
import ai.timefold.solver.core.api.solver.change.ProblemChangeDirector;

/**
 * Brings a running solve up to date with the spa's books after the front desk changed them, without starting over:
 * the week is assembled afresh from the books (cancelled sessions gone, walk-ins added, a sick therapist's time off,
 * a closed room, released and hand-moved sessions), and every session the books leave free to move keeps the place the
 * solve had given it. The solve then goes on from there.
 * <p>
 * Why one change that reads the books, rather than one per kind of event: it is applied on the solver's thread when the
 * solver gets to it, so it always reads the books as they are then; applied twice, or after another, it gives the same
 * result, so several events arriving at once cannot be applied out of order or half.
 *
 * @param books assembles the week from the books as they are now
 */
public record BooksSync(Supplier<SpaSchedule> books) implements ProblemChange<SpaSchedule> {

    @Override
    public void doChange(SpaSchedule working, ProblemChangeDirector director) {
        var fresh = books.get();
        var solved = working.getAppointments().stream()
                .collect(Collectors.toMap(Appointment::getId, Function.identity()));
        var therapists = byId(fresh.getTherapists(), therapist -> therapist.id());
        var rooms = byId(fresh.getRooms(), room -> room.id());
        for (var appointment : List.copyOf(working.getAppointments())) {
            director.removeEntity(appointment, removed -> working.getAppointments().remove(removed));
        }
        working.takeRecordsFrom(fresh);
        for (var appointment : fresh.getAppointments()) {
            var before = solved.get(appointment.getId());
            if (!appointment.isPinned() && before != null) {
                // The solve's place for it, on the records as they are now.
                appointment.assign(before.getTherapist() == null ? null : therapists.get(before.getTherapist().id()),
                        before.getRoom() == null ? null : rooms.get(before.getRoom().id()), before.getStart());
                fresh.restrictValues(appointment);
            }
        }
        // New to the solve (or its therapist or room is gone): unscheduled, for local search to place.
        fresh.initializeUnscheduled();
        for (var appointment : fresh.getAppointments()) {
            director.addEntity(appointment, added -> working.getAppointments().add(added));
        }
        // Entities were replaced: the score director starts again from the whole working solution.
        director.updateShadowVariables();
    }

    private static <T> Map<String, T> byId(List<T> values, Function<T, String> id) {
        return values.stream().collect(Collectors.toMap(id, Function.identity()));
    }

}
