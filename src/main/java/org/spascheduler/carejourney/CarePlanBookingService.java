package org.spascheduler.carejourney;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.Placement;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.books.Cancellation;
import org.spascheduler.books.HardRuleBrokenException;
import org.spascheduler.books.PlanBooking;
import org.spascheduler.books.SpaBooks;
import org.spascheduler.careplan.CarePlanJson;
import org.spascheduler.careplan.StoredCarePlan;
import org.spascheduler.room.RoomRepository;
import org.spascheduler.room.StoredRoom;
import org.spascheduler.schedule.domain.Describe;
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

import jakarta.validation.Validator;

/**
 * Books a suggested plan, shows a plan's progress and cancels one of its sessions. Accepting goes through the books'
 * one write path ({@link PlanBooking}): under the locks of every week the plan touches, in one transaction, the plan
 * and its sessions are stored confirmed and checked against every touched week as stored now and against the spacing
 * and rests across weeks; if anything no longer fits, nothing is booked and the answer is 409 with fresh suggestions.
 * A roster job solving a touched week then takes the booked sessions in.
 */
@Service
class CarePlanBookingService {

    private final SuggestionIds ids;
    private final PlanQuestions questions;
    private final CarePlanSuggestionService suggestions;
    private final AppointmentRepository appointments;
    private final TherapistRepository therapists;
    private final RoomRepository rooms;
    private final TreatmentRepository treatments;
    private final SpaBooks books;
    private final Validator validator;

    CarePlanBookingService(SuggestionIds ids, PlanQuestions questions, CarePlanSuggestionService suggestions,
            AppointmentRepository appointments, TherapistRepository therapists, RoomRepository rooms,
            TreatmentRepository treatments, SpaBooks books, Validator validator) {
        this.ids = ids;
        this.questions = questions;
        this.suggestions = suggestions;
        this.appointments = appointments;
        this.therapists = therapists;
        this.rooms = rooms;
        this.treatments = treatments;
        this.books = books;
        this.validator = validator;
    }

    CarePlanProgressView accept(String suggestionId, String actor) {
        var suggestion = ids.decode(suggestionId);
        if (!validator.validate(suggestion.request()).isEmpty()) {
            throw new InvalidRequestException("suggestionId", "carries a request that is not valid; ask again");
        }
        var question = questions.again(suggestion);
        checkSessions(suggestion, question);
        var places = suggestion.sessions().stream()
                .map(place -> new Placement(place.therapistId(), place.roomId(), place.startsAt())).toList();
        try {
            var plan = books.record(new PlanBooking(question.plan() != null ? question.plan() : newPlan(question),
                    question.durationMinutes(), places, new PlanRules(question)), actor).result();
            return progress(plan.id());
        } catch (PlanTakenException taken) {
            // Rolled back; the fresh suggestions read the books as they are again.
            throw new PlanTakenException(taken.getMessage(), suggestions.suggestAgain(suggestion));
        } catch (HardRuleBrokenException taken) {
            throw new PlanTakenException(("A session of this plan in the week of %s is no longer free: it would break "
                    + "a hard rule of the week as it stands (someone may just have booked its time). Nothing was "
                    + "booked; here are fresh suggestions.").formatted(taken.weekStart()),
                    suggestions.suggestAgain(suggestion));
        }
    }

    /** What no single week sees, checked in the books' transaction: a refusal books nothing. */
    private final class PlanRules implements PlanBooking.PlanRules {

        private final PlanQuestion question;

        PlanRules(PlanQuestion question) {
            this.question = question;
        }

        @Override
        public void beforeBooking(StoredCarePlan plan, int sessions) {
            requireRoomInPlan(plan, sessions);
        }

        @Override
        public void afterBooking(StoredCarePlan plan, Set<String> booked) {
            requireSpacingAndRest(plan, question, booked);
        }
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

    /** Cancels through the books' one write path, so that the week is repaired and its waitlist offered the time. */
    CarePlanProgressView cancel(String carePlanId, String appointmentId, CancelSessionRequest request,
            String actor) {
        var plan = questions.plan(carePlanId);
        var session = appointments.findById(appointmentId).filter(found -> plan.id().equals(found.carePlanId()))
                .orElseThrow(() -> new NotFoundException("session of care plan " + plan.id(), "appointmentId",
                        appointmentId));
        var now = questions.now();
        var late = session.startsAt() != null && session.startsAt().isBefore(now.plusDays(1));
        books.record(new Cancellation(session.id(), late,
                request.reason() == null ? "cancelled from the care plan" : request.reason(), request.version()),
                actor);
        return progress(plan.id());
    }

    private static @Nullable String name(java.util.Map<String, String> names, @Nullable String id) {
        return id == null ? null : names.get(id);
    }
}
