package org.spascheduler.planning;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.client.StoredClient;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TimeSlot;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.impl.score.constraint.ConstraintMatchPolicy;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import ai.timefold.solver.core.impl.score.director.ScoreDirectorFactory;
import ai.timefold.solver.core.impl.solver.DefaultSolverFactory;

/**
 * One stored week, mapped once and held in one live Timefold score director, so that the front desk can try a new
 * session at each of its places incrementally: add the session unplaced, move it from place to place with one score
 * calculation each (Timefold recalculates only what the session touches), take it out again. Nothing of the week is
 * rebuilt per question. Only the sessions that have a place are in it: unplaced ones take no one's time.
 * <p>
 * A score director is not thread-safe: one question at a time, under {@link #tryLock()}.
 * <p>
 * Timefold's public API scores a whole week per call ({@code SolutionManager.update}, or
 * {@code recommendAssignment}, measured slower for this question: ARCHITECTURE.md); moving one session and rescoring
 * only what it touches needs its internal {@code InnerScoreDirector}. This class is the one place that uses it.
 */
public final class ScoredWeek {

    /** Makes the live score directors, from the solver factory's implementation class (what reaches them). */
    static final class ScoreDirectors {

        private final ScoreDirectorFactory<SpaSchedule, HardMediumSoftLongScore> factory;

        ScoreDirectors(SolverFactory<SpaSchedule> solverFactory) {
            this.factory = ((DefaultSolverFactory<SpaSchedule>) solverFactory).getScoreDirectorFactory();
        }
    }

    private static final String THERAPIST = "therapist";
    private static final String ROOM = "room";
    private static final String START = "start";

    private final StoredWeek stored;
    private final long booksGeneration;
    private final SpaSchedule schedule;
    private final InnerScoreDirector<SpaSchedule, HardMediumSoftLongScore> scoreDirector;
    private final SlotOptionFilter filter;
    private final HardMediumSoftLongScore weekScore;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean broken;

    /** Where the new session would go, in the planning model's terms (stored, it is a {@code Placement}). */
    public record TriedPlacement(Therapist therapist, Room room, TimeSlot start) {
    }

    /**
     * A place worth offering, with what it does to the week's score, in all and per constraint (by name).
     */
    public record Option(TriedPlacement placement, HardMediumSoftLongScore scoreDiff,
            Map<String, HardMediumSoftLongScore> constraintDiffs) {
    }

    /** A place that breaks no hard rule, scored but not yet analysed per constraint. */
    public record Candidate(TriedPlacement placement, HardMediumSoftLongScore scoreDiff) {
    }

    /**
     * @param booksGeneration the books' generation read before {@code stored} was loaded
     * @param levels each constraint's level name, to turn stored weights into scores
     */
    ScoredWeek(StoredWeek stored, SpaSchedule placedOnly, long booksGeneration,
            ScoreDirectors scoreDirectors) {
        this.stored = stored;
        this.booksGeneration = booksGeneration;
        this.schedule = placedOnly;
        this.filter = new SlotOptionFilter(schedule);
        // Per-constraint scores (without the matches' justifications) are kept up to date on every calculation, so
        // that the few options kept can be described without a second, full analysis of the week.
        this.scoreDirector = (InnerScoreDirector<SpaSchedule, HardMediumSoftLongScore>) scoreDirectors.factory
                .createScoreDirectorBuilder()
                .withConstraintMatchPolicy(ConstraintMatchPolicy.ENABLED_WITHOUT_JUSTIFICATIONS)
                .build();
        scoreDirector.setWorkingSolution(schedule);
        this.weekScore = scoreDirector.calculateScore().raw();
    }

    /** The week without the sessions that have no place, which take no one's time: what options are scored in. */
    static StoredWeek withoutUnplaced(StoredWeek week) {
        return week.withAppointments(
                week.appointments().stream().filter(StoredAppointment::isPlaced).toList());
    }

    public StoredWeek stored() {
        return stored;
    }

    long booksGeneration() {
        return booksGeneration;
    }

    public SpaSchedule schedule() {
        return schedule;
    }

    /**
     * A session not stored yet, made for this week's schedule and not added to it: what the front desk or a client
     * asks about. Requested, unplaced, in no care plan, its values restricted as the week's own sessions' are.
     */
    public Appointment newSession(String id, StoredClient client, String treatmentId,
            int durationMinutes, LocalDateTime windowStart, LocalDateTime windowEnd) {
        return WeekMapper.newSession(schedule, id, client, treatmentId, durationMinutes, windowStart, windowEnd);
    }

    /** False once a question left the score director in a state it cannot be trusted in. */
    boolean isUsable() {
        return !broken;
    }

    boolean tryLock() {
        return lock.tryLock();
    }

    boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        return lock.tryLock(timeout, unit);
    }

    void unlock() {
        lock.unlock();
    }

    /**
     * Tries the session at every place the filter lets through and returns the places that break no hard rule, each
     * with its score difference against the week with the session unplaced, in the order tried. The caller picks the
     * ones to show; {@link #analyse} then describes them.
     *
     * @param session a session made for this week's schedule ({@link #newSession}), not in it
     */
    public Evaluation evaluate(Appointment session) {
        return new Evaluation(session);
    }

    /**
     * The session added to the week for the time of one question; {@link #close()} takes it out again, leaving the
     * score director as it was.
     */
    public final class Evaluation implements AutoCloseable {

        private final Appointment session;
        private final HardMediumSoftLongScore unplacedScore;
        private final Map<String, HardMediumSoftLongScore> unplacedConstraintScores;
        private int scoredPlacements;

        private Evaluation(Appointment session) {
            // Until close() finds the week as it was: an exception half way leaves the score director unusable.
            broken = true;
            this.session = session;
            scoreDirector.beforeEntityAdded(session);
            schedule.getAppointments().add(session);
            scoreDirector.afterEntityAdded(session);
            this.unplacedScore = scoreDirector.calculateScore().raw();
            this.unplacedConstraintScores = constraintScores();
        }

        /** Every hard-feasible candidate, in the order tried (start, then therapist). */
        public List<Candidate> candidates() {
            var candidates = new ArrayList<Candidate>();
            for (var start : session.getCandidateStarts()) {
                for (var therapist : session.getEligibleTherapists()) {
                    var room = filter.firstFreeRoom(session, therapist, start);
                    if (room == null) {
                        continue;
                    }
                    var diff = place(therapist, room, start).subtract(unplacedScore);
                    scoredPlacements++;
                    if (diff.hardScore() == 0) {
                        candidates.add(new Candidate(new TriedPlacement(therapist, room, start), diff));
                    }
                }
            }
            return candidates;
        }

        public int scoredPlacements() {
            return scoredPlacements;
        }

        /** The candidate placed once more, its score difference read per constraint. */
        public Option analyse(Candidate candidate) {
            var placement = candidate.placement();
            place(placement.therapist(), placement.room(), placement.start());
            var diffs = new HashMap<String, HardMediumSoftLongScore>();
            constraintScores().forEach((name, score) -> diffs.put(name,
                    score.subtract(unplacedConstraintScores.getOrDefault(name, HardMediumSoftLongScore.ZERO))));
            unplacedConstraintScores.forEach((name, score) -> diffs.putIfAbsent(name, score.negate()));
            return new Option(placement, candidate.scoreDiff(), diffs);
        }

        private HardMediumSoftLongScore place(@Nullable Therapist therapist, @Nullable Room room,
                @Nullable TimeSlot start) {
            scoreDirector.beforeVariableChanged(session, THERAPIST);
            scoreDirector.beforeVariableChanged(session, ROOM);
            scoreDirector.beforeVariableChanged(session, START);
            session.assign(therapist, room, start);
            scoreDirector.afterVariableChanged(session, THERAPIST);
            scoreDirector.afterVariableChanged(session, ROOM);
            scoreDirector.afterVariableChanged(session, START);
            scoreDirector.triggerVariableListeners();
            return scoreDirector.calculateScore().raw();
        }

        private Map<String, HardMediumSoftLongScore> constraintScores() {
            var scores = new HashMap<String, HardMediumSoftLongScore>();
            scoreDirector.getConstraintMatchTotalMap().values().forEach(total -> scores
                    .merge(total.getConstraintRef().constraintName(), total.getScore(), HardMediumSoftLongScore::add));
            return scores;
        }

        @Override
        public void close() {
            place(null, null, null);
            scoreDirector.beforeEntityRemoved(session);
            schedule.getAppointments().remove(session);
            scoreDirector.afterEntityRemoved(session);
            // The week must score as it did before the question; if not, it is not reused (never seen, but cheap).
            broken = !scoreDirector.calculateScore().raw().equals(weekScore);
        }
    }

    /**
     * What adding these sessions together, each already placed, does to the week's score; the week is left as it was.
     * Sessions of one care plan in one week are checked together because they interact (the client's rest between
     * high-load sessions, the therapist's daily caps), which trying each on its own would miss.
     *
     * @param placedSessions sessions made for this week's schedule ({@link #newSession}) and assigned, not in
     *        it
     */
    public HardMediumSoftLongScore scoreDiffWith(List<Appointment> placedSessions) {
        // Until the sessions are out again: an exception half way leaves the score director unusable.
        broken = true;
        var added = new ArrayList<Appointment>();
        try {
            for (var session : placedSessions) {
                scoreDirector.beforeEntityAdded(session);
                schedule.getAppointments().add(session);
                scoreDirector.afterEntityAdded(session);
                added.add(session);
            }
            scoreDirector.triggerVariableListeners();
            return scoreDirector.calculateScore().raw().subtract(weekScore);
        } finally {
            for (var session : added) {
                scoreDirector.beforeEntityRemoved(session);
                schedule.getAppointments().remove(session);
                scoreDirector.afterEntityRemoved(session);
            }
            broken = !scoreDirector.calculateScore().raw().equals(weekScore);
        }
    }

    /** Best first: score difference, then earlier start, then therapist id, so that equal answers come in one order. */
    public static final Comparator<Candidate> BEST_FIRST = Comparator.comparing(Candidate::scoreDiff).reversed()
            .thenComparing(candidate -> candidate.placement().start().minuteOfWeek())
            .thenComparing(candidate -> candidate.placement().therapist().id());
}
