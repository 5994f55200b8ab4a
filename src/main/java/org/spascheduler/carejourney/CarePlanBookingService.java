package org.spascheduler.carejourney;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.SessionCancellation;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.careplan.CarePlanJson;
import org.spascheduler.careplan.CarePlanRepository;
import org.spascheduler.careplan.StoredCarePlan;
import org.spascheduler.common.Weeks;
import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.planning.StoredWeek;
import org.spascheduler.planning.WeekLocks;
import org.spascheduler.room.RoomRepository;
import org.spascheduler.room.StoredRoom;
import org.spascheduler.roster.RosterAfterBooking;
import org.spascheduler.schedule.domain.Describe;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.TherapistLoad;
import org.spascheduler.therapist.StoredTherapist;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.treatment.StoredTreatment;
import org.spascheduler.treatment.TreatmentRepository;
import org.spascheduler.web.FieldProblem;
import org.spascheduler.web.Ids;
import org.spascheduler.web.InvalidRequestException;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolutionUpdatePolicy;
import jakarta.validation.Validator;

/**
 * Books a suggested plan, shows a plan's progress and cancels one of its sessions. Accepting takes the locks of every
 * week the plan touches, always earliest week first (so two plans never wait on each other), then in one transaction
 * stores the plan and its sessions as confirmed and checks every touched week as stored now, and the spacing and
 * rests across weeks; if anything no longer fits, the transaction is rolled back, so nothing is half-booked, and the
 * answer is 409 with fresh suggestions. A roster job solving a touched week then takes the booked sessions in.
 */
@Service
class CarePlanBookingService {

    private final SuggestionIds ids;
    private final PlanQuestions questions;
    private final CarePlanSuggestionService suggestions;
    private final CarePlanRepository plans;
    private final AppointmentRepository appointments;
    private final TherapistRepository therapists;
    private final RoomRepository rooms;
    private final TreatmentRepository treatments;
    private final PlanningWeeks store;
    private final RosterAfterBooking rosterAfterBooking;
    private final WeekLocks weekLocks;
    private final SessionCancellation cancellation;
    private final SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;
    private final TransactionTemplate transaction;
    private final Validator validator;

    CarePlanBookingService(SuggestionIds ids, PlanQuestions questions, CarePlanSuggestionService suggestions,
            CarePlanRepository plans, AppointmentRepository appointments, TherapistRepository therapists,
            RoomRepository rooms, TreatmentRepository treatments, PlanningWeeks store,
            RosterAfterBooking rosterAfterBooking, WeekLocks weekLocks, SessionCancellation cancellation,
            SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager, TransactionTemplate transaction,
            Validator validator) {
        this.ids = ids;
        this.questions = questions;
        this.suggestions = suggestions;
        this.plans = plans;
        this.appointments = appointments;
        this.therapists = therapists;
        this.rooms = rooms;
        this.treatments = treatments;
        this.store = store;
        this.rosterAfterBooking = rosterAfterBooking;
        this.weekLocks = weekLocks;
        this.cancellation = cancellation;
        this.solutionManager = solutionManager;
        this.transaction = transaction;
        this.validator = validator;
    }

    CarePlanProgressView accept(String suggestionId) {
        var suggestion = ids.decode(suggestionId);
        if (!validator.validate(suggestion.request()).isEmpty()) {
            throw new InvalidRequestException("suggestionId", "carries a request that is not valid; ask again");
        }
        var question = questions.again(suggestion);
        checkSessions(suggestion, question);
        var weeks = suggestion.sessions().stream().map(place -> Weeks.weekStartOf(place.startsAt()))
                .collect(Collectors.toCollection(TreeSet::new));
        try {
            return withLocks(new ArrayList<>(weeks), () -> {
                var accepted = book(suggestion, question, weeks);
                weeks.forEach(rosterAfterBooking::booked);
                return accepted;
            });
        } catch (PlanTakenException taken) {
            // Rolled back; the fresh suggestions read the books as they are again.
            throw new PlanTakenException(taken.getMessage(), suggestions.suggestAgain(suggestion));
        }
    }

    /** Books the whole plan in one transaction, or nothing. */
    private CarePlanProgressView book(SuggestionIds.Suggestion suggestion, PlanQuestion question,
            SortedSet<LocalDate> weeks) {
        return transaction.execute(status -> {
            // Saving a stored plan moves its version: of two rests of one plan accepted at once (their weeks'
            // locks need not meet), the second fails on it and books nothing.
            var plan = plans.save(question.plan() != null ? question.plan() : newPlan(question));
            requireRoomInPlan(plan, suggestion.sessions().size());
            var booked = new HashSet<String>();
            for (var place : suggestion.sessions()) {
                // The session's day is its window: should the desk release it (a sick call), a repair may
                // move it within the day it was promised, as for any confirmed session.
                var day = place.startsAt().toLocalDate();
                var session = appointments.save(new StoredAppointment(Ids.generate("appointment"),
                        question.client().id(), question.treatment().id(), question.durationMinutes(),
                        day.atStartOfDay(), day.plusDays(1).atStartOfDay(),
                        Weeks.weekStartOf(place.startsAt()),
                        BookingState.CONFIRMED, false, plan.id(), place.therapistId(), place.roomId(),
                        place.startsAt(), place.therapistId(), place.roomId(), place.startsAt(), null));
                booked.add(session.id());
            }
            for (var week : weeks) {
                requireFitsIn(store.storedEvenEmpty(week), booked);
            }
            requireSpacingAndRest(plan, question, booked);
            return progress(plan.id());
        });
    }

    /** 422 when a session of the suggestion is in the past or names a therapist or room that is gone. */
    private void checkSessions(SuggestionIds.Suggestion suggestion, PlanQuestion question) {
        var problems = new ArrayList<FieldProblem>();
        if (suggestion.sessions().size() > question.sessionsToPlace()) {
            throw new PlanTakenException("The plan has %d sessions left to book, fewer than this suggestion's %d: "
                    .formatted(question.sessionsToPlace(), suggestion.sessions().size())
                    + "some were booked since. Here are fresh suggestions.", suggestions.suggest(question));
        }
        for (var place : suggestion.sessions()) {
            if (!therapists.existsById(place.therapistId())) {
                problems.add(new FieldProblem("suggestionId", "names a therapist (%s) the spa no longer has"
                        .formatted(place.therapistId())));
            }
            if (!rooms.existsById(place.roomId())) {
                problems.add(new FieldProblem("suggestionId", "names a room (%s) the spa no longer has"
                        .formatted(place.roomId())));
            }
            if (place.startsAt().isBefore(questions.now())) {
                problems.add(new FieldProblem("suggestionId", "has a session (%s) that is already past; ask again"
                        .formatted(Describe.time(place.startsAt()))));
            }
        }
        if (!problems.isEmpty()) {
            throw new UnprocessableException(problems);
        }
    }

    private void requireRoomInPlan(StoredCarePlan plan, int sessions) {
        var toBook = plan.totalSessions() - plan.sessionsDoneBefore() - questions.liveSessions(plan.id()).size();
        if (sessions > toBook) {
            throw new PlanTakenException("The plan has %d sessions left to book, fewer than this suggestion's %d: "
                    .formatted(toBook, sessions) + "some were booked since. Nothing was booked.", null);
        }
    }

    private static StoredCarePlan newPlan(PlanQuestion question) {
        var spacing = question.spacing();
        return new StoredCarePlan(Ids.generate("plan"), question.client().id(), question.treatment().id(),
                question.sessionsToPlace(), spacing.minDays(), spacing.idealMinDays(), spacing.idealMaxDays(),
                spacing.maxDays(), question.request().sameTherapistOrDefault(), 0, null);
    }

    /** The week as stored now, with the plan's new sessions, breaks no hard rule that it did not break without them. */
    private void requireFitsIn(StoredWeek week, Set<String> booked) {
        var withThem = score(week);
        var without = score(week.withAppointments(
                week.appointments().stream().filter(appointment -> !booked.contains(appointment.id())).toList()));
        if (withThem.hardScore() < without.hardScore()) {
            throw new PlanTakenException(("A session of this plan in the week of %s is no longer free: it would break "
                    + "a hard rule of the week as it stands (someone may just have booked its time). Nothing was "
                    + "booked; here are fresh suggestions.").formatted(week.weekStart()), null);
        }
    }

    private HardMediumSoftLongScore score(StoredWeek week) {
        return solutionManager.update(store.solution(week),
                SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
    }

    /**
     * What no week sees on its own: consecutive sessions of the plan at least the minimum days apart and in order,
     * and each new high-load session at least the spa's rest from the client's other high-load sessions.
     */
    private void requireSpacingAndRest(StoredCarePlan plan, PlanQuestion question, Set<String> booked) {
        var series = questions.liveSessions(plan.id()).stream().filter(StoredAppointment::isPlaced).toList();
        for (var index = 1; index < series.size(); index++) {
            var earlier = series.get(index - 1);
            var later = series.get(index);
            var days = ChronoUnit.DAYS.between(earlier.startsAt().toLocalDate(), later.startsAt().toLocalDate());
            if ((booked.contains(earlier.id()) || booked.contains(later.id())) && days < plan.minDays()) {
                throw new PlanTakenException(("Sessions on %s and %s would be %d days apart, below the plan's minimum "
                        + "of %d (the plan's other sessions changed since). Nothing was booked.").formatted(
                                Describe.time(earlier.startsAt()), Describe.time(later.startsAt()), days,
                                plan.minDays()), null);
            }
        }
        if (!question.highLoad()) {
            return;
        }
        var highLoad = treatments.findAll().stream().filter(treatment -> treatment.load() == TherapistLoad.HIGH)
                .map(StoredTreatment::id).collect(Collectors.toSet());
        var clientsHighLoad = appointments.findByClientId(question.client().id()).stream()
                .filter(appointment -> appointment.state() != BookingState.CANCELLED && appointment.isPlaced()
                        && highLoad.contains(appointment.treatmentId()))
                .toList();
        for (var mine : clientsHighLoad) {
            if (!booked.contains(mine.id())) {
                continue;
            }
            for (var other : clientsHighLoad) {
                var minutes = Math.abs(ChronoUnit.MINUTES.between(mine.startsAt(), other.startsAt()));
                if (other != mine && minutes < question.restMinutes()) {
                    throw new PlanTakenException(("The session on %s would start %d hours after or before another "
                            + "high-load session of yours, less than the %d hours' rest. Nothing was booked.")
                            .formatted(Describe.time(mine.startsAt()), minutes / 60, question.restMinutes() / 60),
                            null);
                }
            }
        }
    }

    /** Takes the weeks' locks in the order given (earliest first), one inside the other. */
    private <T> T withLocks(List<LocalDate> weeks, Supplier<T> action) {
        if (weeks.isEmpty()) {
            return action.get();
        }
        return weekLocks.withWeek(weeks.get(0), () -> withLocks(weeks.subList(1, weeks.size()), action));
    }

    CarePlanProgressView progress(String carePlanId) {
        var plan = questions.plan(carePlanId);
        var sessions = appointments.findByCarePlanId(plan.id()).stream()
                .sorted(Comparator.comparing((StoredAppointment a) -> a.isPlaced() ? a.startsAt() : a.windowStart())
                        .thenComparing(StoredAppointment::id))
                .toList();
        var therapistNames = therapists.findAllById(sessions.stream().map(StoredAppointment::therapistId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(StoredTherapist::id, StoredTherapist::name));
        var roomNames = rooms.findAllById(sessions.stream().map(StoredAppointment::roomId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(StoredRoom::id, StoredRoom::name));
        var views = new ArrayList<CarePlanProgressView.Session>();
        var number = plan.sessionsDoneBefore();
        int done = 0;
        int inProgress = 0;
        int upcoming = 0;
        int cancelled = 0;
        for (var session : sessions) {
            var state = switch (session.state()) {
                case DONE -> "DONE";
                case IN_PROGRESS -> "IN_PROGRESS";
                case CANCELLED -> "CANCELLED";
                case REQUESTED, CONFIRMED -> "UPCOMING";
            };
            switch (session.state()) {
                case DONE -> done++;
                case IN_PROGRESS -> inProgress++;
                case CANCELLED -> cancelled++;
                case REQUESTED, CONFIRMED -> upcoming++;
            }
            var cancelledOne = session.state() == BookingState.CANCELLED;
            views.add(new CarePlanProgressView.Session(session.id(), cancelledOne ? null : ++number, state,
                    session.startsAt(), session.isPlaced() ? session.startsAt().plusMinutes(session.durationMinutes())
                            : null,
                    session.therapistId(), name(therapistNames, session.therapistId()), session.roomId(),
                    name(roomNames, session.roomId()), session.version()));
        }
        var toBook = Math.max(0, plan.totalSessions() - plan.sessionsDoneBefore() - (sessions.size() - cancelled));
        return new CarePlanProgressView(CarePlanJson.from(plan), done + plan.sessionsDoneBefore(), inProgress,
                upcoming, cancelled, toBook, views);
    }

    /** Cancels through the front desk, so that the week is repaired and its waitlist offered the time. */
    CarePlanProgressView cancel(String carePlanId, String appointmentId, CancelSessionRequest request) {
        var plan = questions.plan(carePlanId);
        var session = appointments.findById(appointmentId).filter(found -> plan.id().equals(found.carePlanId()))
                .orElseThrow(() -> new NotFoundException("session of care plan " + plan.id(), "appointmentId",
                        appointmentId));
        var now = questions.now();
        var late = session.startsAt() != null && session.startsAt().isBefore(now.plusDays(1));
        cancellation.cancel(session.id(), late, "client",
                request.reason() == null ? "cancelled by the client from their care plan" : request.reason(),
                request.version());
        return progress(plan.id());
    }

    private static @Nullable String name(java.util.Map<String, String> names, @Nullable String id) {
        return id == null ? null : names.get(id);
    }
}
