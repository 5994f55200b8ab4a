package org.spascheduler.carejourney;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.Placement;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.common.SpacingJson;
import org.spascheduler.schedule.domain.TherapistLoad;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.treatment.StoredTreatment;
import org.spascheduler.treatment.TreatmentRepository;
import org.springframework.stereotype.Service;

/**
 * Suggests care plans: up to three different series of concrete sessions, each bookable as it stands. The weeks are
 * not solved again. Each week the plan may touch gives the places where one session fits without breaking a hard
 * rule ({@link PlanSlots}); a search per {@link PlanStrategy} strings places together under the rules the weeks cannot
 * see ({@link PlanSearch}: spacing, rest between high-load sessions across weeks); each plan offered is then checked
 * whole, its sessions added together to every week they fall in.
 */
@Service
public class CarePlanSuggestionService {

    private static final Logger LOGGER = LoggerFactory.getLogger(CarePlanSuggestionService.class);
    static final int PLANS_OFFERED = 3;
    /** Complete plans kept per search, so that a plan that turns out the same as another has a stand-in. */
    private static final int PLANS_PER_SEARCH = 4;

    private final PlanQuestions questions;
    private final PlanSlots slots;
    private final SuggestionIds ids;
    private final TherapistRepository therapists;
    private final TreatmentRepository treatments;
    private final AppointmentRepository appointments;

    CarePlanSuggestionService(PlanQuestions questions, PlanSlots slots, SuggestionIds ids,
            TherapistRepository therapists, TreatmentRepository treatments, AppointmentRepository appointments) {
        this.questions = questions;
        this.slots = slots;
        this.ids = ids;
        this.therapists = therapists;
        this.treatments = treatments;
        this.appointments = appointments;
    }

    public PlanSuggestionsView suggest(CarePlanSuggestionRequest request) {
        return suggest(questions.newPlan(request));
    }

    public PlanSuggestionsView suggestRest(String carePlanId, RestOfPlanRequest request) {
        return suggest(questions.restOf(carePlanId, request));
    }

    PlanSuggestionsView suggest(PlanQuestion question) {
        var started = System.nanoTime();
        var free = slots.freePlaces(question);
        var found = System.nanoTime();
        var problem = new PlanSearch.Problem(question.sessionsToPlace(), question.durationMinutes(),
                question.spacing(), question.kept(), question.highLoad(), question.restMinutes(),
                otherHighLoadStarts(question), free, question::minutesFromPreferredTime,
                question.request().therapistId(), question.firstDay(), question.lastDay());
        var searched = search(question, problem, free, true);
        if (searched.byStrategy().values().stream().allMatch(List::isEmpty) && keptTherapist(question) != null) {
            // The plan's own therapist has no room for the rest: other therapists, rather than nothing.
            searched = search(question, problem, free, false);
        }
        var byStrategy = searched.byStrategy();
        var longest = searched.longest();
        var chosen = choose(question, byStrategy);
        var whyIncomplete = List.<String>of();
        if (chosen.isEmpty()) {
            whyIncomplete = PlanWords.whyIncomplete(question, therapists.findAll(), free, longest);
            if (longest != null && slots.fitsTogether(question, longest.sessions())) {
                chosen = List.of(longest);
            }
        }
        var view = view(question, chosen, whyIncomplete);
        LOGGER.debug("Care plan suggestions: {} days with free places found in {} ms, {} plans in {} ms",
                free.size(), (found - started) / 1_000_000, chosen.size(), (System.nanoTime() - found) / 1_000_000);
        return view;
    }

    /** Each strategy's complete plans, best first, and the longest incomplete plan of any. */
    private record Searched(Map<PlanStrategy, List<PlanSearch.Found>> byStrategy, PlanSearch.@Nullable Found longest) {
    }

    private static Searched search(PlanQuestion question, PlanSearch.Problem problem,
            NavigableMap<LocalDate, List<PlanSlot>> free, boolean keepThePlansTherapist) {
        var byStrategy = new HashMap<PlanStrategy, List<PlanSearch.Found>>();
        PlanSearch.Found longest = null;
        for (var strategy : PlanStrategy.values()) {
            var complete = new ArrayList<PlanSearch.Found>();
            for (var therapistId : therapistChoices(question, strategy, free, keepThePlansTherapist)) {
                var result = new PlanSearch(problem, strategy, therapistId).run(PLANS_PER_SEARCH);
                complete.addAll(result.complete());
                longest = longer(longest, result.longestPartial());
            }
            complete.sort(Comparator.comparingDouble(PlanSearch.Found::cost));
            byStrategy.put(strategy, complete);
        }
        return new Searched(byStrategy, longest);
    }

    /**
     * One plan per strategy where it can, each different from those before it (another day or therapist for at least
     * one session) and fitting whole; then the remaining places filled from any strategy.
     */
    private List<PlanSearch.Found> choose(PlanQuestion question, Map<PlanStrategy, List<PlanSearch.Found>> found) {
        // A gap beyond the maximum spacing only where every plan has one (kept sessions long ago, say).
        var leastBeyond = found.values().stream().flatMap(List::stream)
                .mapToInt(PlanSearch.Found::daysBeyondMaximum).min().orElse(0);
        var byStrategy = new HashMap<PlanStrategy, List<PlanSearch.Found>>();
        found.forEach((strategy, plans) -> byStrategy.put(strategy,
                plans.stream().filter(plan -> plan.daysBeyondMaximum() == leastBeyond).toList()));
        var chosen = new ArrayList<PlanSearch.Found>();
        var keys = new HashSet<List<String>>();
        for (var round = 0; round < 2 && chosen.size() < PLANS_OFFERED; round++) {
            for (var strategy : PlanStrategy.values()) {
                var candidates = byStrategy.get(strategy);
                // The first round takes each strategy's best; the second fills up with its next best.
                for (var candidate : round == 0 ? candidates : candidates.subList(Math.min(1, candidates.size()),
                        candidates.size())) {
                    if (chosen.size() == PLANS_OFFERED) {
                        break;
                    }
                    if (keys.contains(candidate.key())) {
                        continue;
                    }
                    keys.add(candidate.key()); // Tried once, fitting or not.
                    if (slots.fitsTogether(question, candidate.sessions())) {
                        chosen.add(candidate);
                        if (round == 0) {
                            break;
                        }
                    }
                }
            }
        }
        return chosen;
    }

    /**
     * Per strategy: each therapist apart when the plan keeps one, else one search over all of them; only the plan's
     * own therapist when its rest is asked for with the same therapist throughout.
     */
    private static List<@Nullable String> therapistChoices(PlanQuestion question, PlanStrategy strategy,
            NavigableMap<LocalDate, List<PlanSlot>> free, boolean keepThePlansTherapist) {
        var kept = keptTherapist(question);
        if (keepThePlansTherapist && kept != null) {
            return List.of(kept);
        }
        if (!strategy.oneTherapist && !question.request().sameTherapistOrDefault()) {
            var any = new ArrayList<@Nullable String>();
            any.add(null);
            return any;
        }
        var withPlaces = new ArrayList<@Nullable String>();
        free.values().forEach(day -> day.forEach(slot -> {
            if (!withPlaces.contains(slot.therapistId())) {
                withPlaces.add(slot.therapistId());
            }
        }));
        return withPlaces;
    }

    /** The therapist of the plan's latest kept session, when the plan keeps one therapist throughout. */
    private static @Nullable String keptTherapist(PlanQuestion question) {
        if (!question.request().sameTherapistOrDefault() || question.kept().isEmpty()) {
            return null;
        }
        return question.kept().get(question.kept().size() - 1).therapistId();
    }

    private static PlanSearch.@Nullable Found longer(PlanSearch.@Nullable Found one, PlanSearch.@Nullable Found other) {
        if (one == null) {
            return other;
        }
        if (other == null) {
            return one;
        }
        var bySize = Integer.compare(one.sessions().size(), other.sessions().size());
        return bySize > 0 || bySize == 0 && one.cost() <= other.cost() ? one : other;
    }

    /**
     * The client's other high-load sessions (not of this plan, not cancelled, placed), which a high-load session of
     * the plan must keep its rest from: the weeks see only their own.
     */
    private List<LocalDateTime> otherHighLoadStarts(PlanQuestion question) {
        if (!question.highLoad()) {
            return List.of();
        }
        var highLoad = new HashSet<String>();
        treatments.findAll().stream().filter(treatment -> treatment.load() == TherapistLoad.HIGH)
                .map(StoredTreatment::id).forEach(highLoad::add);
        var planId = question.plan() == null ? null : question.plan().id();
        var from = question.firstDay().minusDays(7).atStartOfDay();
        var to = question.lastDay().plusDays(7).atStartOfDay();
        return appointments.findByClientId(question.client().id()).stream()
                .filter(appointment -> appointment.state() != BookingState.CANCELLED && appointment.isPlaced()
                        && highLoad.contains(appointment.treatmentId())
                        && (planId == null || !planId.equals(appointment.carePlanId()))
                        && appointment.startsAt().isAfter(from) && appointment.startsAt().isBefore(to))
                .map(StoredAppointment::startsAt).toList();
    }

    private PlanSuggestionsView view(PlanQuestion question, List<PlanSearch.Found> plans, List<String> whyIncomplete) {
        var request = question.request();
        var spacing = question.spacing();
        var planId = question.plan() == null ? null : question.plan().id();
        var views = plans.stream().map(plan -> new PlanSuggestionsView.Plan(
                ids.encode(new SuggestionIds.Suggestion(request, planId, plan.sessions().stream()
                        .map(slot -> new Placement(slot.therapistId(), slot.roomId(), slot.startsAt()))
                        .toList())),
                plan.complete(), PlanWords.summary(question, plan), PlanWords.tradeOffs(question, plan),
                sessions(question, plan))).toList();
        return new PlanSuggestionsView(planId, question.client().id(), question.treatment().id(),
                question.durationMinutes(), question.sessionsToPlace(),
                new SpacingJson(spacing.minDays(), spacing.idealMinDays(), spacing.idealMaxDays(), spacing.maxDays()),
                question.firstDay(), question.lastDay(), views, whyIncomplete);
    }

    private static List<PlanSuggestionsView.Session> sessions(PlanQuestion question, PlanSearch.Found plan) {
        var doneBefore = question.plan() == null ? 0 : question.plan().sessionsDoneBefore();
        var previousDates = new ArrayList<LocalDate>();
        question.kept().forEach(kept -> previousDates.add(kept.startsAt().toLocalDate()));
        var sessions = new ArrayList<PlanSuggestionsView.Session>();
        for (var index = 0; index < plan.sessions().size(); index++) {
            var slot = plan.sessions().get(index);
            var before = previousDates.stream().filter(date -> date.isBefore(slot.date()))
                    .max(Comparator.naturalOrder()).orElse(null);
            sessions.add(new PlanSuggestionsView.Session(doneBefore + plan.positions().get(index) + 1, slot.date(),
                    slot.startsAt(), slot.endsAt(), slot.therapistId(), slot.therapistName(), slot.roomId(),
                    slot.roomName(),
                    before == null ? null : (int) ChronoUnit.DAYS.between(before, slot.date())));
            previousDates.add(slot.date());
        }
        return sessions;
    }

    /** For a 409: the same question, asked of the books as they are now. */
    PlanSuggestionsView suggestAgain(SuggestionIds.Suggestion suggestion) {
        return suggest(questions.again(suggestion));
    }
}
