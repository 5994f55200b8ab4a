package org.spascheduler.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.spascheduler.DemoTestWeek;
import org.spascheduler.Latencies;
import org.spascheduler.SettableClock;
import org.spascheduler.TestAccounts;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.planning.PlanningTestSupport;
import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.planning.ScoredWeek;
import org.spascheduler.planning.ScoredWeeks;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TimeSlot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11, item 4: slot options the way the service finds them (the kept week's live score director, {@link ScoredWeek},
 * behind {@link SlotOptionsService}) against Timefold's public {@link SolutionManager#recommendAssignment}, on the demo
 * MEDIUM week, the same questions both ways in one JVM run. Prints per-question latency (warm) and how far the two
 * agree on the score effect of the options. Not part of the default suite:
 * {@code ./mvnw -q test -Dtest=SlotOptionsRecommendationComparisonIT -Dsurefire.failIfNoSpecifiedTests=false}, with
 * {@code -Dslot.compare.questions=N} (default 80) and {@code -Dslot.compare.warmup=N} (default 20, asked both ways and
 * not counted).
 * <p>
 * How recommendAssignment is asked: the week mapped once as the kept week is (placed sessions only), the new session
 * ({@link ScoredWeek#newSession}) added to it unassigned, then
 * {@code recommendAssignment(week, session, proposition, FETCH_SHALLOW)}; the session is taken out again after. Timefold
 * clones the week, scores it from scratch with constraint matching, builds a solver to take its construction
 * heuristic's entity placer, and scores each move of that placer's first placement with a score analysis. Our
 * construction heuristic places a session in two steps (therapist and start together, filtered by
 * {@code RoomFreePlacementFilter}; then the room): the first placement is the therapist-and-start step only, so every
 * recommendation leaves the room empty. No soft rule looks at the room and the filter keeps to starts where a room is
 * free, so the score difference should still be the service's; the harness then gives each recommendation the first
 * free room, as the service does, to make it an option.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SlotOptionsRecommendationComparisonIT {

    /** A week no other test uses. */
    private static final LocalDate MONDAY = LocalDate.of(2038, 3, 1);
    private static final DemoTestWeek DEMO = new DemoTestWeek(MONDAY);
    private static final SpaSchedule WEEK = DEMO.planning();
    private static final String RECOMMENDED_ID = "recommendation-request";

    @LocalServerPort
    private int port;
    @Autowired
    private JsonMapper json;
    @Autowired
    private SettableClock clock;
    @Autowired
    private SlotOptionsService service;
    @Autowired
    private ScoredWeeks weeks;
    @Autowired
    private ClientRepository clients;
    @Autowired
    private PlanningWeeks planning;
    @Autowired
    private SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;

    /** What a recommendation placed the session at; the room is whatever the placer left (null here). */
    private record Proposition(@Nullable Therapist therapist, @Nullable TimeSlot start, @Nullable Room room) {
    }

    /** The answer of path (b): options as the service would show them, and every hard-feasible recommendation. */
    private record Recommended(List<ScoredWeek.Candidate> options, Map<String, HardMediumSoftLongScore> byPlace,
            int recommendations, int withRoom) {
    }

    @Test
    void comparesTheLiveScoreDirectorWithRecommendAssignment() {
        DEMO.clockOnFridayBefore(clock);
        DEMO.importOverHttp(TestAccounts.manager(port), json, DemoTestWeek.Bookings.AS_GENERATED,
                "recommend-");
        // The week as the kept week maps it, for recommendAssignment: mapped once, like the kept week.
        var stored = weeks.withWeek(MONDAY, ScoredWeek::stored);
        var schedule = planning.solution(stored.withAppointments(
                stored.appointments().stream().filter(StoredAppointment::isPlaced).toList()));

        var warmup = Integer.getInteger("slot.compare.warmup", 20);
        var questions = Integer.getInteger("slot.compare.questions", 80);
        var serviceMillis = new double[questions];
        var recommendMillis = new double[questions];
        var bestBoth = 0;
        var bestEqual = 0;
        var bothEmpty = 0;
        var oneEmpty = 0;
        var shownCompared = 0;
        var shownEqual = 0;
        var shownMissing = 0;
        var sameTopPlace = 0;
        long placesService = 0;
        long placesRecommended = 0;
        long placesBoth = 0;
        long placesBothEqual = 0;
        long recommendations = 0;
        long recommendationsWithRoom = 0;
        var mismatches = new ArrayList<String>();
        for (var i = -warmup; i < questions; i++) {
            var question = question(i + warmup);
            // Alternate which path goes first, so that neither always finds the caches the other warmed.
            double serviceTook;
            double recommendTook;
            List<SlotOptionView> shown;
            Recommended recommended;
            if (i % 2 == 0) {
                var started = System.nanoTime();
                shown = service.options(question);
                serviceTook = (System.nanoTime() - started) / 1e6;
                started = System.nanoTime();
                recommended = recommend(schedule, question);
                recommendTook = (System.nanoTime() - started) / 1e6;
            } else {
                var started = System.nanoTime();
                recommended = recommend(schedule, question);
                recommendTook = (System.nanoTime() - started) / 1e6;
                started = System.nanoTime();
                shown = service.options(question);
                serviceTook = (System.nanoTime() - started) / 1e6;
            }
            if (i < 0) {
                continue;
            }
            serviceMillis[i] = serviceTook;
            recommendMillis[i] = recommendTook;
            recommendations += recommended.recommendations();
            recommendationsWithRoom += recommended.withRoom();

            // Every hard-feasible place the service scores (not timed: the same evaluation the service ran).
            var serviceByPlace = new HashMap<String, HardMediumSoftLongScore>();
            serviceCandidates(question).forEach(candidate -> serviceByPlace.put(
                    place(candidate.placement().therapist().id(), candidate.placement().start().dateTime()),
                    candidate.scoreDiff()));
            placesService += serviceByPlace.size();
            placesRecommended += recommended.byPlace().size();
            for (var entry : serviceByPlace.entrySet()) {
                var other = recommended.byPlace().get(entry.getKey());
                if (other != null) {
                    placesBoth++;
                    placesBothEqual += other.equals(entry.getValue()) ? 1 : 0;
                }
            }

            if (shown.isEmpty() && recommended.options().isEmpty()) {
                bothEmpty++;
                continue;
            }
            if (shown.isEmpty() || recommended.options().isEmpty()) {
                oneEmpty++;
                mismatches.add("q%d: service %d options, recommendAssignment %d".formatted(i, shown.size(),
                        recommended.options().size()));
                continue;
            }
            bestBoth++;
            var serviceBest = shown.get(0).scoreDiff();
            var recommendedBest = recommended.options().get(0);
            var recommendedBestText = SlotOptionsService.signed(recommendedBest.scoreDiff());
            if (serviceBest.equals(recommendedBestText)) {
                bestEqual++;
            } else {
                mismatches.add("q%d best: service %s, recommendAssignment %s".formatted(i, serviceBest,
                        recommendedBestText));
            }
            sameTopPlace += shown.get(0).therapistId().equals(recommendedBest.placement().therapist().id())
                    && shown.get(0).startsAt().equals(recommendedBest.placement().start().dateTime()) ? 1 : 0;
            // Each option the service shows, looked up among the recommendations at the same therapist and start.
            for (var option : shown) {
                var other = recommended.byPlace().get(place(option.therapistId(), option.startsAt()));
                if (other == null) {
                    shownMissing++;
                    continue;
                }
                shownCompared++;
                if (SlotOptionsService.signed(other).equals(option.scoreDiff())) {
                    shownEqual++;
                } else if (mismatches.size() < 40) {
                    mismatches.add("q%d %s %s: service %s, recommendAssignment %s".formatted(i, option.therapistId(),
                            option.startsAt(), option.scoreDiff(), SlotOptionsService.signed(other)));
                }
            }
        }

        var service = Latencies.ofMillis(serviceMillis);
        var recommend = Latencies.ofMillis(recommendMillis);
        System.out.printf("%nSlot options on MEDIUM, %d questions (+%d warm-up, not counted), %d cores%n", questions,
                warmup, Runtime.getRuntime().availableProcessors());
        System.out.println("| path                                 |   n |  p50 ms |  p95 ms |  p99 ms |  max ms |");
        System.out.println("|--------------------------------------|----:|--------:|--------:|--------:|--------:|");
        row("(a) SlotOptionsService, live director", service);
        row("(b) SolutionManager.recommendAssignment", recommend);
        System.out.printf("ratio (b)/(a): p50 %.1fx, p95 %.1fx, p99 %.1fx%n", recommend.percentile(50)
                / service.percentile(50), recommend.percentile(95) / service.percentile(95),
                recommend.percentile(99) / service.percentile(99));
        System.out.printf("Agreement: best option's score effect equal in %d of %d questions where both offer "
                + "options (same therapist and start as best: %d); %d with no option either way, %d with options one "
                + "way only%n", bestEqual, bestBoth, sameTopPlace, bothEmpty, oneEmpty);
        System.out.printf("Shown options (service's) found among recommendations: %d, equal effect %d of them; "
                + "%d not among the hard-feasible recommendations%n", shownCompared, shownEqual, shownMissing);
        System.out.printf("Hard-feasible (therapist, start) places: service %d, recommendAssignment %d, in both %d, "
                + "equal score effect in both %d; recommendations returned %d (with a room: %d)%n", placesService,
                placesRecommended, placesBoth, placesBothEqual, recommendations, recommendationsWithRoom);
        mismatches.stream().limit(20).forEach(line -> System.out.println("  " + line));
        // The live director is kept because it is faster for the same answers: that sameness is checked here.
        assertThat(bestBoth).as("questions with options both ways").isPositive();
        assertThat(oneEmpty).as("questions with options one way only: %s", mismatches).isZero();
        assertThat(bestEqual).as("best options with equal effects: %s", mismatches).isEqualTo(bestBoth);
        assertThat(shownMissing).as("options shown that Timefold's recommendation does not have").isZero();
        assertThat(shownEqual).as("options shown with equal effects: %s", mismatches).isEqualTo(shownCompared);
        assertThat(placesBoth).as("hard-feasible places both ways").isEqualTo(placesService)
                .isEqualTo(placesRecommended);
        assertThat(placesBothEqual).as("places with equal effects").isEqualTo(placesBoth);
    }

    /** Varied questions: every treatment and duration, clients in turn, mornings, evenings, whole days, whole week. */
    private static SlotOptionRequest question(int n) {
        var client = WEEK.getClients().get((n * 7) % WEEK.getClients().size());
        var treatment = WEEK.getTreatments().get(n % WEEK.getTreatments().size());
        var durations = treatment.durationsMinutes();
        var minutes = durations.get((n / WEEK.getTreatments().size()) % durations.size());
        var day = MONDAY.plusDays(n % 7);
        LocalDateTime from;
        LocalDateTime to;
        switch (n % 4) {
            case 0 -> {
                from = day.atTime(8, 0);
                to = day.atTime(13, 0);
            }
            case 1 -> {
                from = day.atTime(15, 0);
                to = day.atTime(21, 0);
            }
            case 2 -> {
                from = day.atStartOfDay();
                to = day.plusDays(1).atStartOfDay();
            }
            default -> {
                from = MONDAY.atStartOfDay();
                to = MONDAY.plusDays(7).atStartOfDay();
            }
        }
        return new SlotOptionRequest(client.id(), treatment.id(), minutes, from, to, n % 5 == 0 ? 10 : 5);
    }

    /** Path (b), timed as a whole: from the question to the options a desk would be shown. */
    private Recommended recommend(SpaSchedule schedule, SlotOptionRequest question) {
        var client = clients.findById(question.clientId()).orElseThrow();
        var session = PlanningTestSupport.newSession(schedule, RECOMMENDED_ID, client, question.treatmentId(),
                question.durationMinutes(), question.windowStart(), question.windowEnd());
        List<RecommendedAssignment<Proposition, HardMediumSoftLongScore>> recommendations;
        schedule.getAppointments().add(session);
        try {
            recommendations = solutionManager.recommendAssignment(schedule, session,
                    placed -> new Proposition(placed.getTherapist(), placed.getStart(), placed.getRoom()),
                    ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
        } finally {
            schedule.getAppointments().remove(session);
        }
        // The placer's moves for the room alone, or none at all, would leave the session unscheduled.
        var candidates = new ArrayList<ScoredWeek.Candidate>();
        var byPlace = new HashMap<String, HardMediumSoftLongScore>();
        var withRoom = 0;
        for (var recommendation : recommendations) {
            var proposition = recommendation.proposition();
            var diff = recommendation.scoreAnalysisDiff().score();
            withRoom += proposition.room() == null ? 0 : 1;
            if (proposition.therapist() == null || proposition.start() == null || diff.hardScore() != 0) {
                continue;
            }
            var room = proposition.room() != null ? proposition.room()
                    : PlanningTestSupport.firstFreeRoom(schedule, session, proposition.therapist(), proposition.start());
            if (room == null) {
                continue; // No room free then: the service would not offer it either.
            }
            byPlace.put(place(proposition.therapist().id(), proposition.start().dateTime()), diff);
            candidates.add(new ScoredWeek.Candidate(
                    new ScoredWeek.TriedPlacement(proposition.therapist(), room, proposition.start()), diff));
        }
        var options = SlotOptionSpread.choose(candidates, question.countOrDefault(), question.durationMinutes());
        return new Recommended(options, byPlace, recommendations.size(), withRoom);
    }

    /** The service's own candidates for the question, in its kept week (same evaluation as path (a)). */
    private List<ScoredWeek.Candidate> serviceCandidates(SlotOptionRequest question) {
        var client = clients.findById(question.clientId()).orElseThrow();
        return weeks.withWeek(MONDAY, week -> {
            var request = PlanningTestSupport.newSession(week.schedule(), SlotOptionsService.REQUEST_ID, client,
                    question.treatmentId(), question.durationMinutes(), question.windowStart(), question.windowEnd());
            try (var evaluation = week.evaluate(request)) {
                return evaluation.candidates();
            }
        });
    }

    private static String place(String therapistId, LocalDateTime start) {
        return therapistId + "@" + start;
    }

    private static void row(String path, Latencies millis) {
        System.out.printf("| %-36s | %3d | %7.1f | %7.1f | %7.1f | %7.1f |%n", path, millis.count(),
                millis.percentile(50), millis.percentile(95), millis.percentile(99), millis.max());
    }
}
