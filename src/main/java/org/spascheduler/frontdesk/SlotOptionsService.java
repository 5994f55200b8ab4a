package org.spascheduler.frontdesk;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.spascheduler.booking.Appointment;
import org.spascheduler.booking.BookingState;
import org.spascheduler.client.Client;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.roster.RosterWeekStore;
import org.spascheduler.roster.StoredWeek;
import org.spascheduler.roster.WeekMapper;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TimeSlot;
import org.spascheduler.spa.Spa;
import org.spascheduler.spa.SpaDataRules;
import org.spascheduler.spa.SpaRepository;
import org.spascheduler.treatment.TreatmentRepository;
import org.spascheduler.web.FieldProblem;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.UnprocessableException;
import org.spascheduler.weights.ConstraintCatalog;
import org.springframework.stereotype.Service;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.placer.QueuedEntityPlacerConfig;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.CartesianProductMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;

/**
 * The best places for one new session in a week as it stands, ranked by what each does to the roster's score. The
 * week is not solved again: the session is added unplaced, and Timefold's assignment recommendation scores every
 * (therapist, start, room) placement of it that {@link SlotOptionFilter} lets through, incrementally, against the
 * stored roster. Options that would break a hard rule are dropped.
 */
@Service
public class SlotOptionsService {

    /** The id of the session being offered, while it is only a question. */
    static final String REQUEST_ID = "front-desk-request";
    private static final String NEW_SESSION = "newSession";

    private final RosterWeekStore store;
    private final SpaRepository spas;
    private final ClientRepository clients;
    private final TreatmentRepository treatments;
    private final ConstraintCatalog catalog;
    private final FrontDeskClock clock;
    private final SolutionManager<SpaSchedule, HardMediumSoftLongScore> recommender;

    SlotOptionsService(RosterWeekStore store, SpaRepository spas, ClientRepository clients,
            TreatmentRepository treatments, ConstraintCatalog catalog, FrontDeskClock clock,
            SolverConfig solverConfig) {
        this.store = store;
        this.spas = spas;
        this.clients = clients;
        this.treatments = treatments;
        this.catalog = catalog;
        this.clock = clock;
        this.recommender = SolutionManager.create(SolverFactory.create(recommendationConfig(solverConfig)));
    }

    /**
     * The week's solver configuration with one construction step that tries therapist, start and room at once.
     * Recommendations are read from the first construction placement; the roster's own construction places therapist
     * and start first and the room in a later step, so it would recommend placements without a room.
     */
    private static SolverConfig recommendationConfig(SolverConfig solverConfig) {
        var newSession = new EntitySelectorConfig().withId(NEW_SESSION);
        var everyPlacement = new CartesianProductMoveSelectorConfig(List.<MoveSelectorConfig>of(
                change("therapist"), change("start"), change("room")));
        everyPlacement.setFilterClass(SlotOptionFilter.class);
        var placer = new QueuedEntityPlacerConfig().withEntitySelectorConfig(newSession);
        placer.setMoveSelectorConfigList(List.of(everyPlacement));
        return solverConfig.copyConfig()
                .withPhases(new ConstructionHeuristicPhaseConfig().withEntityPlacerConfig(placer));
    }

    private static ChangeMoveSelectorConfig change(String variable) {
        return new ChangeMoveSelectorConfig()
                .withEntitySelectorConfig(EntitySelectorConfig.newMimicSelectorConfig(NEW_SESSION))
                .withValueSelectorConfig(new ValueSelectorConfig(variable));
    }

    public List<SlotOptionView> options(SlotOptionRequest request) {
        var session = checkSession(request.clientId(), request.treatmentId(), request.durationMinutes(),
                request.windowStart(), request.windowEnd());
        var week = store.load(session.weekStart());
        return options(week, session, request.countOrDefault());
    }

    /** A session the front desk may offer: who, what, and the part of its window that is not yet past. */
    record Session(Client client, String treatmentId, int durationMinutes, LocalDateTime windowStart,
            LocalDateTime windowEnd, LocalDate weekStart) {

        Appointment asRequest(String id) {
            return new Appointment(id, client.id(), treatmentId, durationMinutes, windowStart, windowEnd, weekStart,
                    BookingState.REQUESTED, false, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * 404 without a spa; 422 for an unknown client or treatment, a duration the treatment is not given in, a window
     * that ends before it starts, spans two weeks or is already over. A window that has begun is cut to now.
     */
    Session checkSession(String clientId, String treatmentId, int durationMinutes, LocalDateTime windowStart,
            LocalDateTime windowEnd) {
        var spa = spas.findById(Spa.ID)
                .orElseThrow(() -> new NotFoundException("spa (set it up with PUT /api/spa)", "spa", Spa.ID));
        var problems = new ArrayList<FieldProblem>();
        var client = clients.findById(clientId).orElse(null);
        if (client == null) {
            problems.add(new FieldProblem("clientId", "(%s) is not a known client".formatted(clientId)));
        }
        var treatment = treatments.findById(treatmentId).orElse(null);
        if (treatment == null) {
            problems.add(new FieldProblem("treatmentId", "(%s) is not a known treatment".formatted(treatmentId)));
        } else if (treatment.durations().stream().noneMatch(duration -> duration.minutes() == durationMinutes)) {
            problems.add(new FieldProblem("durationMinutes", "(%d) is not a duration %s is given in (%s)".formatted(
                    durationMinutes, treatment.name(), treatment.durations().stream()
                            .map(duration -> String.valueOf(duration.minutes())).toList())));
        }
        var now = clock.now(ZoneId.of(spa.timeZone()));
        if (!windowEnd.isAfter(windowStart)) {
            problems.add(new FieldProblem("windowEnd",
                    "(%s) is not after the window's start (%s)".formatted(windowEnd, windowStart)));
        } else if (windowEnd.isAfter(SpaDataRules.weekStartOf(windowStart).plusWeeks(1).atStartOfDay())) {
            problems.add(new FieldProblem("windowEnd", ("(%s) is in a later week than the window's start; options are "
                    + "found within one week (Monday to Sunday): ask once per week").formatted(windowEnd)));
        } else if (!windowEnd.isAfter(now.plusMinutes(durationMinutes))) {
            problems.add(new FieldProblem("windowEnd",
                    "(%s) leaves no time for the session after the spa's now (%s)".formatted(windowEnd, now)));
        }
        if (!problems.isEmpty()) {
            throw new UnprocessableException(problems);
        }
        var from = windowStart.isBefore(now) ? now : windowStart;
        return new Session(client, treatmentId, durationMinutes, from, windowEnd,
                SpaDataRules.weekStartOf(windowStart));
    }

    /** The best {@code count} options for the session in the week as stored, best first. */
    List<SlotOptionView> options(StoredWeek week, Session session, int count) {
        var schedule = WeekMapper.toSchedule(withRequest(week, session.client(), session.asRequest(REQUEST_ID)),
                catalog.levels());
        var request = schedule.getAppointments().stream()
                .filter(appointment -> appointment.getId().equals(REQUEST_ID)).findFirst().orElseThrow();
        if (!SlotOptionFilter.anyFree(schedule, request)) {
            return List.of(); // Timefold cannot recommend from a placement with no moves at all.
        }
        List<RecommendedAssignment<Placement, HardMediumSoftLongScore>> recommendations = recommender
                .recommendAssignment(schedule, request,
                        placed -> new Placement(placed.getTherapist(), placed.getRoom(), placed.getStart()),
                        ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
        var effects = new SlotOptionEffects(schedule, request, week.constraintWeights(), catalog);
        return recommendations.stream()
                .filter(recommendation -> recommendation.scoreAnalysisDiff().score().hardScore() == 0)
                .limit(count)
                .map(recommendation -> view(schedule, request.getDurationMinutes(), recommendation.proposition(),
                        recommendation.scoreAnalysisDiff(), effects))
                .toList();
    }

    /** Where the new session would go. */
    record Placement(Therapist therapist, Room room, TimeSlot start) {
    }

    /**
     * The stored week as the recommendation needs it: with the new session, unplaced, and its client; without the
     * sessions that have no place, which take no one's time and would leave Timefold more than the one session to
     * place that its recommendation allows.
     */
    static StoredWeek withRequest(StoredWeek week, Client client, Appointment request) {
        var appointments = new ArrayList<Appointment>();
        week.appointments().stream().filter(Appointment::isPlaced).forEach(appointments::add);
        appointments.add(request);
        var weekClients = new ArrayList<>(week.clients());
        if (weekClients.stream().noneMatch(known -> known.id().equals(client.id()))) {
            weekClients.add(client);
        }
        return new StoredWeek(week.weekStart(), week.spa(), week.treatments(), week.therapists(), week.rooms(),
                weekClients, week.carePlans(), appointments, week.seriesIndexes(), week.plansDoneBeforeWeek(),
                week.constraintWeights());
    }

    private static SlotOptionView view(SpaSchedule schedule, int durationMinutes, Placement placement,
            ScoreAnalysis<HardMediumSoftLongScore> diff, SlotOptionEffects effects) {
        var startsAt = schedule.getSettings().dateTimeOf(placement.start().minuteOfWeek());
        return new SlotOptionView(placement.therapist().id(), placement.therapist().name(), placement.room().id(),
                placement.room().name(), startsAt, startsAt.plusMinutes(durationMinutes), signed(diff.score()),
                effects.describe(placement, diff));
    }

    /** "0hard/+1medium/-45soft": a difference reads better with its sign. */
    static String signed(HardMediumSoftLongScore score) {
        return "%shard/%smedium/%ssoft".formatted(signed(score.hardScore()), signed(score.mediumScore()),
                signed(score.softScore()));
    }

    private static String signed(long value) {
        return value == 0 ? "0" : "%+d".formatted(value);
    }
}
