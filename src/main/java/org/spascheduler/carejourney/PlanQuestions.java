package org.spascheduler.carejourney;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.booking.StoredReferences;
import org.spascheduler.careplan.CarePlanRepository;
import org.spascheduler.careplan.CarePlanRules;
import org.spascheduler.careplan.StoredCarePlan;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.common.SpacingJson;
import org.spascheduler.common.WeeklyTimeJson;
import org.spascheduler.schedule.domain.SeriesSpacing;
import org.spascheduler.schedule.domain.TherapistLoad;
import org.spascheduler.schedule.domain.WeekInterval;
import org.spascheduler.spa.Spa;
import org.spascheduler.spa.SpaRepository;
import org.spascheduler.therapist.StoredTherapist;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.treatment.StoredTreatment;
import org.spascheduler.treatment.TreatmentRepository;
import org.spascheduler.web.Crud;
import org.spascheduler.web.FieldProblem;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.UnprocessableException;
import org.springframework.stereotype.Component;

/**
 * Turns a request for a care plan into a {@link PlanQuestion}: 404 without a spa or for an unknown stored plan, 422
 * naming every field that cannot be answered (an unknown client, treatment or therapist, a therapist without the
 * skill, a duration the treatment is not given in, spacing out of order or missing, a preferred time that ends before
 * it starts).
 */
@Component
class PlanQuestions {

    /** DOMAIN.md's sources: 60-minute sessions helped chronic neck pain, 30-minute ones did no better than none. */
    private static final int USUAL_MINUTES = 60;

    private final SpaRepository spas;
    private final ClientRepository clients;
    private final TreatmentRepository treatments;
    private final TherapistRepository therapists;
    private final CarePlanRepository plans;
    private final AppointmentRepository appointments;
    private final StoredReferences references;
    private final Clock clock;

    PlanQuestions(SpaRepository spas, ClientRepository clients, TreatmentRepository treatments,
            TherapistRepository therapists, CarePlanRepository plans, AppointmentRepository appointments,
            StoredReferences references, Clock clock) {
        this.spas = spas;
        this.clients = clients;
        this.treatments = treatments;
        this.therapists = therapists;
        this.plans = plans;
        this.appointments = appointments;
        this.references = references;
        this.clock = clock;
    }

    PlanQuestion newPlan(CarePlanSuggestionRequest request) {
        return question(request, null);
    }

    /** The rest of a stored plan: its sessions not yet booked, around the ones kept. */
    PlanQuestion restOf(String carePlanId, RestOfPlanRequest rest) {
        var plan = plan(carePlanId);
        var sessions = liveSessions(plan.id());
        var toBook = plan.totalSessions() - plan.sessionsDoneBefore() - sessions.size();
        if (toBook <= 0) {
            throw new UnprocessableException("carePlanId", ("(%s) has every session done or booked; cancel one to "
                    + "have it suggested again").formatted(plan.id()));
        }
        if (toBook > CarePlanSuggestionRequest.MAX_SESSIONS) {
            throw new UnprocessableException("carePlanId", "(%s) has %d sessions to book, more than %d at once"
                    .formatted(plan.id(), toBook, CarePlanSuggestionRequest.MAX_SESSIONS));
        }
        // The rest keeps the length of the plan's latest session.
        var duration = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1).durationMinutes();
        return question(new CarePlanSuggestionRequest(plan.clientId(), plan.treatmentId(), duration, toBook,
                new SpacingJson(plan.minDays(), plan.idealMinDays(), plan.idealMaxDays(), plan.maxDays()),
                rest.preferredTimes(), rest.therapistId(), plan.sameTherapist(), rest.earliestStart(),
                rest.horizonWeeks()), plan);
    }

    /** The question a suggestion answered, asked again now: for fresh suggestions after a slot was taken. */
    PlanQuestion again(SuggestionIds.Suggestion suggestion) {
        if (suggestion.carePlanId() == null) {
            return newPlan(suggestion.request());
        }
        var request = suggestion.request();
        return restOf(suggestion.carePlanId(), new RestOfPlanRequest(request.preferredTimes(),
                request.therapistId(), request.earliestStart(), request.horizonWeeks()));
    }

    StoredCarePlan plan(String carePlanId) {
        if (!Crud.isId(carePlanId)) {
            throw new NotFoundException("care plan", "id", carePlanId);
        }
        return plans.findById(carePlanId).orElseThrow(() -> new NotFoundException("care plan", "id", carePlanId));
    }

    /** The plan's sessions that are not cancelled, placed ones in time order first. */
    List<StoredAppointment> liveSessions(String carePlanId) {
        return appointments.findByCarePlanId(carePlanId).stream()
                .filter(appointment -> appointment.state() != BookingState.CANCELLED)
                .sorted(Comparator.comparing((StoredAppointment a) -> a.isPlaced() ? a.startsAt() : a.windowStart())
                        .thenComparing(StoredAppointment::id))
                .toList();
    }

    /** The spa's wall-clock now. */
    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneId.of(spa().timeZone())));
    }

    private Spa spa() {
        return spas.findById(Spa.ID)
                .orElseThrow(() -> new NotFoundException("spa (set it up with PUT /api/spa)", "spa", Spa.ID));
    }

    private PlanQuestion question(CarePlanSuggestionRequest request, @Nullable StoredCarePlan stored) {
        var spa = spa();
        var treatment = treatments.findById(request.treatmentId()).orElse(null);
        var spacing = request.spacing() != null ? request.spacing()
                : treatment == null || treatment.seriesDefault() == null ? null
                        : new SpacingJson(treatment.seriesDefault().minDays(), treatment.seriesDefault().idealMinDays(),
                                treatment.seriesDefault().idealMaxDays(), treatment.seriesDefault().maxDays());
        // A plan as it would be stored, judged by the same rules as one written through the API.
        var asStored = new StoredCarePlan("suggestion", request.clientId(), request.treatmentId(), request.sessions(),
                spacing == null ? 0 : spacing.minDays(), spacing == null ? 0 : spacing.idealMinDays(),
                spacing == null ? 0 : spacing.idealMaxDays(), spacing == null ? 0 : spacing.maxDays(),
                request.sameTherapistOrDefault(), 0, null);
        var problems = new ArrayList<>(CarePlanRules.check(asStored, "", references.references().client(),
                id -> references.references().treatment().find(id) != null));
        if (spacing == null && treatment != null) {
            problems.add(new FieldProblem("spacing", "is needed: %s has no series default to take it from"
                    .formatted(treatment.name())));
        }
        var duration = request.durationMinutes() != null ? request.durationMinutes().intValue()
                : treatment == null ? USUAL_MINUTES : defaultDuration(treatment);
        if (treatment != null && treatment.durations().stream().noneMatch(d -> d.minutes() == duration)) {
            problems.add(new FieldProblem("durationMinutes", "(%d) is not a duration %s is given in (%s)".formatted(
                    duration, treatment.name(), treatment.durations().stream().map(StoredTreatment.Duration::minutes)
                            .toList())));
        }
        if (request.therapistId() != null) {
            var therapist = Crud.isId(request.therapistId()) ? therapists.findById(request.therapistId()).orElse(null)
                    : null;
            if (therapist == null) {
                problems.add(new FieldProblem("therapistId",
                        "names no therapist (%s)".formatted(request.therapistId())));
            } else if (treatment != null && !hasSkill(therapist, treatment)) {
                problems.add(new FieldProblem("therapistId", "(%s) does not give %s (needs the skill %s)"
                        .formatted(therapist.name(), treatment.name(), treatment.requiredSkill())));
            }
        }
        var preferredTimes = request.preferredTimes();
        if (preferredTimes != null) {
            for (var index = 0; index < preferredTimes.size(); index++) {
                var time = preferredTimes.get(index);
                if (!time.ends().isAfter(time.starts())) {
                    problems.add(new FieldProblem("preferredTimes[%d].ends".formatted(index),
                            "(%s) is not after its start (%s)".formatted(time.ends(), time.starts())));
                }
            }
        }
        var today = LocalDateTime.now(clock.withZone(ZoneId.of(spa.timeZone()))).toLocalDate();
        if (request.earliestStart() != null && request.earliestStart().isAfter(today.plusYears(1))) {
            problems.add(new FieldProblem("earliestStart", "(%s) is more than a year ahead; plans are suggested "
                    .formatted(request.earliestStart()) + "from the books as they stand, which that far ahead are empty"));
        }
        if (!problems.isEmpty()) {
            throw new UnprocessableException(problems);
        }
        var client = clients.findById(request.clientId()).orElseThrow();
        var now = LocalDateTime.now(clock.withZone(ZoneId.of(spa.timeZone())));
        var askedFrom = request.earliestStart() == null ? now : request.earliestStart().atStartOfDay();
        var earliest = askedFrom.isBefore(now) ? now : askedFrom;
        var lastDay = earliest.toLocalDate().plusWeeks(request.horizonWeeksOrDefault()).minusDays(1);
        var kept = stored == null ? List.<PlanSearch.Kept>of()
                : liveSessions(stored.id()).stream().filter(StoredAppointment::isPlaced)
                        .map(session -> new PlanSearch.Kept(session.startsAt(), session.therapistId())).toList();
        var weekly = (preferredTimes != null ? preferredTimes
                : client.preferredTimes().stream()
                        .map(time -> new WeeklyTimeJson(time.dayOfWeek(), time.starts(), time.ends())).toList())
                .stream().map(PlanQuestions::minutesOfWeek).toList();
        return new PlanQuestion(request, stored, client, treatment, duration, request.sessions(),
                new SeriesSpacing(spacing.minDays(), spacing.idealMinDays(), spacing.idealMaxDays(),
                        spacing.maxDays()),
                weekly, kept, earliest, lastDay, spa.highLoadRestMinutes(), treatment.load() == TherapistLoad.HIGH);
    }

    static boolean hasSkill(StoredTherapist therapist, StoredTreatment treatment) {
        return therapist.skills().stream().anyMatch(skill -> skill.skill().equals(treatment.requiredSkill()));
    }

    private static int defaultDuration(StoredTreatment treatment) {
        return treatment.durations().stream().anyMatch(d -> d.minutes() == USUAL_MINUTES) ? USUAL_MINUTES
                : treatment.durations().get(0).minutes();
    }

    private static WeekInterval minutesOfWeek(WeeklyTimeJson time) {
        var dayStart = (time.dayOfWeek().getValue() - 1) * WeekInterval.MINUTES_PER_DAY;
        return new WeekInterval(dayStart + time.starts().toSecondOfDay() / 60,
                dayStart + time.ends().toSecondOfDay() / 60);
    }
}
