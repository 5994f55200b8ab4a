package org.spascheduler.schedule.domain;

import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

import org.jspecify.annotations.Nullable;

/**
 * One session: the planning entity. The solver gives it a therapist, a room and a start time, each chosen only from
 * the values that can make sense for it (skilled therapists, rooms with the needed features, starts on the grain inside
 * its requested window and opening hours), so that no session carries every 15-minute slot of the week.
 * <p>
 * Only the start may stay unassigned: a session without a start is unscheduled (rule 10 penalizes it); therapist and
 * room then mean nothing. Rules about the therapist's time apply as soon as therapist and start are set, rules about the
 * room as soon as room and start are set, so that the construction heuristic, which picks therapist and start before
 * the room, sees the consequences of each step (the constraints read every session, initialized or not).
 */
@PlanningEntity(comparatorClass = AppointmentDifficultyComparator.class)
public class Appointment {

    @PlanningId
    private String id;
    private Client client;
    private Treatment treatment;
    private int durationMinutes;
    private WeekInterval requestedWindow;
    private AppointmentState state;
    private boolean releasedByFrontDesk;
    private @Nullable CarePlan carePlan;
    private int seriesIndex;
    private @Nullable PublishedAssignment publishedAssignment;

    // Read by Timefold on every move: pin and value ranges are fields, which it reads faster than getters.
    @PlanningPin
    private boolean pinned;
    @ValueRangeProvider(id = "eligibleTherapists")
    private List<Therapist> eligibleTherapists = List.of();
    @ValueRangeProvider(id = "suitableRooms")
    private List<Room> suitableRooms = List.of();
    @ValueRangeProvider(id = "candidateStarts")
    private List<TimeSlot> candidateStarts = List.of();

    @PlanningVariable(valueRangeProviderRefs = "eligibleTherapists")
    private @Nullable Therapist therapist;
    @PlanningVariable(valueRangeProviderRefs = "suitableRooms")
    private @Nullable Room room;
    @PlanningVariable(valueRangeProviderRefs = "candidateStarts", allowsUnassigned = true)
    private @Nullable TimeSlot start;

    Appointment() {
        // For Timefold's solution cloner.
    }

    /**
     * @param carePlan the care plan this session belongs to, or null
     * @param seriesIndex the session's position in its care plan, 0 for the first session of the series
     * @param publishedAssignment what the client was told, or null when nothing was published
     */
    public Appointment(String id, Client client, Treatment treatment, int durationMinutes, WeekInterval requestedWindow,
            AppointmentState state, boolean releasedByFrontDesk, @Nullable CarePlan carePlan, int seriesIndex,
            @Nullable PublishedAssignment publishedAssignment) {
        if (durationMinutes <= 0) {
            throw new IllegalArgumentException(
                    "The appointment (%s) has a non-positive duration (%d).".formatted(id, durationMinutes));
        }
        if (carePlan != null && (seriesIndex < 0 || seriesIndex >= carePlan.totalSessions())) {
            throw new IllegalArgumentException("The appointment (%s) has series index (%d) outside its care plan (%s)."
                    .formatted(id, seriesIndex, carePlan.id()));
        }
        this.id = id;
        this.client = client;
        this.treatment = treatment;
        this.durationMinutes = durationMinutes;
        this.requestedWindow = requestedWindow;
        this.state = state;
        this.releasedByFrontDesk = releasedByFrontDesk;
        this.carePlan = carePlan;
        this.seriesIndex = seriesIndex;
        this.publishedAssignment = publishedAssignment;
        this.pinned = switch (state) {
            case REQUESTED -> false;
            case CONFIRMED -> !releasedByFrontDesk;
            case IN_PROGRESS, DONE -> true;
        };
    }

    /** Sets the values the solver may choose from; done once, when the week's schedule is assembled. */
    void restrictValues(List<Therapist> eligibleTherapists, List<Room> suitableRooms, List<TimeSlot> candidateStarts) {
        this.eligibleTherapists = List.copyOf(eligibleTherapists);
        this.suitableRooms = List.copyOf(suitableRooms);
        this.candidateStarts = List.copyOf(candidateStarts);
    }

    /** Places the session; for tests, demo data and pinned sessions, the solver sets the fields itself. */
    public void assign(@Nullable Therapist therapist, @Nullable Room room, @Nullable TimeSlot start) {
        this.therapist = therapist;
        this.room = room;
        this.start = start;
    }

    /** Rule 9: what was promised (confirmed and not released, in progress, done) does not move. */
    public boolean isPinned() {
        return pinned;
    }

    public boolean isScheduled() {
        return therapist != null && room != null && start != null;
    }

    /** The therapist's time is taken: rules about therapists apply. */
    public boolean isTherapistBooked() {
        return therapist != null && start != null;
    }

    /** The room's time is taken: rules about rooms apply. */
    public boolean isRoomBooked() {
        return room != null && start != null;
    }

    public SchedulingPriority getPriority() {
        if (carePlan != null && (seriesIndex > 0)) {
            return SchedulingPriority.CARE_PLAN_FOLLOW_UP;
        }
        if (state == AppointmentState.CONFIRMED && releasedByFrontDesk) {
            return SchedulingPriority.RELEASED_CONFIRMED;
        }
        return client.chronic() ? SchedulingPriority.CHRONIC_CLIENT_REQUEST : SchedulingPriority.NEW_REQUEST;
    }

    /** Start in minutes of the week; only meaningful when a start is set. */
    public int getStartMinute() {
        return start == null ? 0 : start.minuteOfWeek();
    }

    public int getEndMinute() {
        return getStartMinute() + durationMinutes;
    }

    /** End of the session plus the therapist's changeover: the therapist is busy until then. */
    public int getTherapistBusyUntil() {
        return getEndMinute() + (therapist == null ? 0 : therapist.changeoverMinutes());
    }

    /** End of the session plus the treatment's turnover: the room is busy until then. */
    public int getRoomBusyUntil() {
        return getEndMinute() + treatment.turnoverMinutes();
    }

    /** 0 for the week's Monday. */
    public int getDayOfWeek() {
        return start == null ? -1 : start.dayOfWeek();
    }

    public boolean isHighLoad() {
        return treatment.isHighLoad();
    }

    public String describe() {
        var when = start == null ? "unscheduled" : Describe.time(start);
        return "%s's %d-min %s (%s)".formatted(client.name(), durationMinutes, treatment.name(), when);
    }

    @Override
    public String toString() {
        return id;
    }

    public List<Therapist> getEligibleTherapists() {
        return eligibleTherapists;
    }

    public List<Room> getSuitableRooms() {
        return suitableRooms;
    }

    public List<TimeSlot> getCandidateStarts() {
        return candidateStarts;
    }

    // ************************************************************************
    // Getters
    // ************************************************************************

    public String getId() {
        return id;
    }

    public Client getClient() {
        return client;
    }

    public Treatment getTreatment() {
        return treatment;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public WeekInterval getRequestedWindow() {
        return requestedWindow;
    }

    public AppointmentState getState() {
        return state;
    }

    public boolean isReleasedByFrontDesk() {
        return releasedByFrontDesk;
    }

    public @Nullable CarePlan getCarePlan() {
        return carePlan;
    }

    public int getSeriesIndex() {
        return seriesIndex;
    }

    public @Nullable PublishedAssignment getPublishedAssignment() {
        return publishedAssignment;
    }

    public @Nullable Therapist getTherapist() {
        return therapist;
    }

    public @Nullable Room getRoom() {
        return room;
    }

    public @Nullable TimeSlot getStart() {
        return start;
    }
}
