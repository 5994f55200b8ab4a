package org.spascheduler.frontdesk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.client.StoredClient;
import org.spascheduler.common.FieldChecks;
import org.spascheduler.common.Weeks;
import org.spascheduler.planning.ScoredWeek;
import org.spascheduler.planning.ScoredWeeks;
import org.spascheduler.planning.StoredWeek;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.spa.Spa;
import org.spascheduler.spa.SpaRepository;
import org.spascheduler.treatment.TreatmentRepository;
import org.spascheduler.web.FieldProblem;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.UnprocessableException;
import org.spascheduler.weights.ConstraintCatalog;
import org.springframework.stereotype.Service;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The best places for one new session in a week as it stands, ranked by what each does to the roster's score. The
 * week is not solved again: the session is tried at every (therapist, start, room) placement that
 * {@link SlotOptionFilter} lets through, incrementally, in the week's kept score director ({@link ScoredWeek}), and
 * only the few offered are analysed per constraint to say what they mean. Options that would break a hard rule are
 * dropped.
 */
@Service
public class SlotOptionsService {

    private static final Logger LOGGER = LoggerFactory.getLogger(SlotOptionsService.class);
    /** The id of the session being offered, while it is only a question. */
    static final String REQUEST_ID = "front-desk-request";

    private final ScoredWeeks weeks;
    private final SpaRepository spas;
    private final ClientRepository clients;
    private final TreatmentRepository treatments;
    private final ConstraintCatalog catalog;
    private final Clock clock;

    SlotOptionsService(ScoredWeeks weeks, SpaRepository spas, ClientRepository clients,
            TreatmentRepository treatments, ConstraintCatalog catalog, Clock clock) {
        this.weeks = weeks;
        this.spas = spas;
        this.clients = clients;
        this.treatments = treatments;
        this.catalog = catalog;
        this.clock = clock;
    }

    public List<SlotOptionView> options(SlotOptionRequest request) {
        var session = checkSession(request.clientId(), request.treatmentId(), request.durationMinutes(),
                request.windowStart(), request.windowEnd());
        return weeks.withWeek(session.weekStart(), week -> options(week, session, request.countOrDefault()));
    }

    /** A session the front desk may offer: who, what, and the part of its window that is not yet past. */
    record Session(StoredClient client, String treatmentId, int durationMinutes, LocalDateTime windowStart,
            LocalDateTime windowEnd, LocalDate weekStart) {
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
        var now = LocalDateTime.now(clock.withZone(ZoneId.of(spa.timeZone())));
        var implausible = FieldChecks.checkPlausible(new java.util.TreeMap<>(Map.of("windowStart", windowStart,
                "windowEnd", windowEnd)));
        if (!implausible.isEmpty()) {
            problems.addAll(implausible);
        } else if (!windowEnd.isAfter(windowStart)) {
            problems.add(new FieldProblem("windowEnd",
                    "(%s) is not after the window's start (%s)".formatted(windowEnd, windowStart)));
        } else if (windowEnd.isAfter(Weeks.weekStartOf(windowStart).plusWeeks(1).atStartOfDay())) {
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
                Weeks.weekStartOf(windowStart));
    }

    /** The best {@code count} options for the session in the week as read by the caller, best first. */
    List<SlotOptionView> options(StoredWeek week, Session session, int count) {
        return weeks.withWeekAsRead(week, scored -> options(scored, session, count));
    }

    private List<SlotOptionView> options(ScoredWeek week, Session session, int count) {
        var started = System.nanoTime();
        var schedule = week.schedule();
        var request = week.newSession(REQUEST_ID, session.client(), session.treatmentId(),
                session.durationMinutes(), session.windowStart(), session.windowEnd());
        try (var evaluation = week.evaluate(request)) {
            var candidates = evaluation.candidates();
            var evaluated = System.nanoTime();
            var effects = new SlotOptionEffects(schedule, request, week.stored().constraintWeights(), catalog);
            var views = SlotOptionSpread.choose(candidates, count, request.getDurationMinutes()).stream()
                    .map(evaluation::analyse)
                    .map(option -> view(schedule, request.getDurationMinutes(), option, effects))
                    .toList();
            LOGGER.debug("Slot options: {} placements scored in {} ms ({} break no hard rule), {} described in {} ms",
                    evaluation.scoredPlacements(), (evaluated - started) / 1_000_000, candidates.size(), views.size(),
                    (System.nanoTime() - evaluated) / 1_000_000);
            return views;
        }
    }

    /**
     * The stored week with one more session, and its client; without the sessions that have no place, which take no
     * one's time: the week as the booking's re-check scores it, the same week {@link ScoredWeek} offers from.
     */
    static StoredWeek withRequest(StoredWeek week, StoredClient client, StoredAppointment request) {
        var appointments = new ArrayList<StoredAppointment>();
        week.appointments().stream().filter(StoredAppointment::isPlaced).forEach(appointments::add);
        appointments.add(request);
        var weekClients = new ArrayList<>(week.clients());
        if (weekClients.stream().noneMatch(known -> known.id().equals(client.id()))) {
            weekClients.add(client);
        }
        return week.withAppointments(appointments, weekClients);
    }

    private static SlotOptionView view(SpaSchedule schedule, int durationMinutes, ScoredWeek.Option option,
            SlotOptionEffects effects) {
        var placement = option.placement();
        var startsAt = schedule.getSettings().dateTimeOf(placement.start().minuteOfWeek());
        return new SlotOptionView(placement.therapist().id(), placement.therapist().name(), placement.room().id(),
                placement.room().name(), startsAt, startsAt.plusMinutes(durationMinutes), signed(option.scoreDiff()),
                effects.describe(placement, option.constraintDiffs()));
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
