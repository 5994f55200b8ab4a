package org.spascheduler.schedule.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.jspecify.annotations.Nullable;

/** One week of a spa: the planning solution. */
@PlanningSolution
public class SpaSchedule {

    @ProblemFactProperty
    private SpaSettings settings;
    @ProblemFactCollectionProperty
    private List<Treatment> treatments;
    @ProblemFactCollectionProperty
    private List<Therapist> therapists;
    @ProblemFactCollectionProperty
    private List<Room> rooms;
    @ProblemFactCollectionProperty
    private List<Client> clients;
    @ProblemFactCollectionProperty
    private List<CarePlan> carePlans;
    @PlanningEntityCollectionProperty
    private List<Appointment> appointments;

    private ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides = ConstraintWeightOverrides
            .none();

    @PlanningScore
    private @Nullable HardMediumSoftLongScore score;

    SpaSchedule() {
        // For Timefold's solution cloner.
    }

    private SpaSchedule(SpaSettings settings, List<Treatment> treatments, List<Therapist> therapists, List<Room> rooms,
            List<Client> clients, List<CarePlan> carePlans, List<Appointment> appointments) {
        this.settings = settings;
        this.treatments = List.copyOf(treatments);
        this.therapists = List.copyOf(therapists);
        this.rooms = List.copyOf(rooms);
        this.clients = List.copyOf(clients);
        this.carePlans = List.copyOf(carePlans);
        this.appointments = new ArrayList<>(appointments);
    }

    /**
     * Assembles a week and restricts each session's values to those that can make sense for it: therapists with the
     * treatment's skill, rooms with its features, and starts on the grain inside its requested window and the opening
     * hours at which at least one of those therapists works. A session that nobody can ever take keeps the full lists,
     * so that it stays visible (unscheduled, or breaking the rule that explains why) instead of failing the solver.
     */
    public static SpaSchedule assemble(SpaSettings settings, List<Treatment> treatments, List<Therapist> therapists,
            List<Room> rooms, List<Client> clients, List<CarePlan> carePlans, List<Appointment> appointments) {
        var schedule = new SpaSchedule(settings, treatments, therapists, rooms, clients, carePlans, appointments);
        var sharedSlots = new HashMap<Integer, TimeSlot>();
        for (var appointment : appointments) {
            restrictValues(settings, therapists, rooms, appointment, sharedSlots);
            if (appointment.getCandidateStarts().isEmpty() && appointment.getTherapist() == null
                    && !appointment.getEligibleTherapists().isEmpty() && !appointment.getSuitableRooms().isEmpty()) {
                // No start can ever be given (a window without opening hours, or one already over): the session
                // stays unscheduled, but with a therapist and a room it counts as initialized, which local search
                // needs.
                appointment.assign(appointment.getEligibleTherapists().get(0), appointment.getSuitableRooms().get(0),
                        null);
            }
        }
        return schedule;
    }

    /**
     * Restricts the values of a session that is not (yet) part of this schedule as {@link #assemble} does: for the
     * front desk, which asks where one more session would fit without assembling the week again.
     */
    public void restrictValues(Appointment appointment) {
        restrictValues(settings, therapists, rooms, appointment, new HashMap<>());
    }

    private static void restrictValues(SpaSettings settings, List<Therapist> therapists, List<Room> rooms,
            Appointment appointment, Map<Integer, TimeSlot> sharedSlots) {
        var skilled = therapists.stream()
                .filter(therapist -> therapist.hasSkill(appointment.getTreatment().requiredSkill()))
                .toList();
        var eligible = skilled.isEmpty() ? therapists : skilled;
        var equipped = rooms.stream()
                .filter(room -> room.hasFeatures(appointment.getTreatment().requiredRoomFeatures()))
                .toList();
        var suitable = equipped.isEmpty() ? rooms : equipped;
        appointment.restrictValues(withCurrent(eligible, appointment.getTherapist()),
                withCurrent(suitable, appointment.getRoom()),
                candidateStarts(settings, appointment, eligible, sharedSlots));
    }

    private static List<TimeSlot> candidateStarts(SpaSettings settings, Appointment appointment,
            List<Therapist> eligible, Map<Integer, TimeSlot> sharedSlots) {
        var grain = settings.grainMinutes();
        var window = appointment.getRequestedWindow();
        var duration = appointment.getDurationMinutes();
        var starts = new ArrayList<TimeSlot>();
        var firstOnGrain = Math.floorDiv(window.start() + grain - 1, grain) * grain;
        for (var minute = firstOnGrain; minute + duration <= window.end(); minute += grain) {
            var end = minute + duration;
            if (settings.isOpen(minute, end) && anyAvailable(eligible, minute, end)) {
                starts.add(slot(settings, minute, sharedSlots));
            }
        }
        // A session that is already placed keeps its current start among its choices, wherever it is.
        var current = appointment.getStart();
        if (current != null && starts.stream().noneMatch(slot -> slot.minuteOfWeek() == current.minuteOfWeek())) {
            starts.add(current);
        }
        var published = appointment.getPublishedAssignment();
        if (published != null && starts.stream().noneMatch(slot -> slot.minuteOfWeek() == published.startMinute())) {
            starts.add(slot(settings, published.startMinute(), sharedSlots));
        }
        return starts;
    }

    /** A session that is already placed (say, confirmed by hand) keeps its current value among its choices. */
    private static <T> List<T> withCurrent(List<T> values, @Nullable T current) {
        if (current == null || values.contains(current)) {
            return values;
        }
        var withCurrent = new ArrayList<T>(values);
        withCurrent.add(current);
        return withCurrent;
    }

    private static boolean anyAvailable(List<Therapist> therapists, int start, int end) {
        for (var therapist : therapists) {
            if (therapist.isAvailable(start, end)) {
                return true;
            }
        }
        return false;
    }

    private static TimeSlot slot(SpaSettings settings, int minute, Map<Integer, TimeSlot> sharedSlots) {
        return sharedSlots.computeIfAbsent(minute, m -> new TimeSlot(m, settings.dateTimeOf(m)));
    }

    /**
     * Gives every session without a therapist or a room the first it may have, leaving it unscheduled (no start): local
     * search needs every session initialized, and it places unscheduled ones with moves that choose therapist, start
     * and room at once. For sessions a construction heuristic did not get to (its time ran out) or that arrive while
     * solving.
     */
    public void initializeUnscheduled() {
        for (var appointment : appointments) {
            if ((appointment.getTherapist() == null || appointment.getRoom() == null)
                    && !appointment.getEligibleTherapists().isEmpty() && !appointment.getSuitableRooms().isEmpty()) {
                appointment.assign(appointment.getEligibleTherapists().get(0), appointment.getSuitableRooms().get(0),
                        null);
            }
        }
    }

    /**
     * Takes the spa's records (treatments, therapists with their time off, rooms with their closures, clients, care
     * plans) from a schedule assembled afresh from the books, keeping this week's settings and sessions. For a running
     * solve that the front desk changes: no constraint iterates these records, sessions reach them through their
     * variables, so the sessions must be replaced too (see BooksSync).
     */
    public void takeRecordsFrom(SpaSchedule books) {
        this.treatments = books.treatments;
        this.therapists = books.therapists;
        this.rooms = books.rooms;
        this.clients = books.clients;
        this.carePlans = books.carePlans;
    }

    public SpaSettings getSettings() {
        return settings;
    }

    public List<Treatment> getTreatments() {
        return treatments;
    }

    public List<Therapist> getTherapists() {
        return therapists;
    }

    public List<Room> getRooms() {
        return rooms;
    }

    public List<Client> getClients() {
        return clients;
    }

    public List<CarePlan> getCarePlans() {
        return carePlans;
    }

    public List<Appointment> getAppointments() {
        return appointments;
    }

    public ConstraintWeightOverrides<HardMediumSoftLongScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftLongScore> overrides) {
        this.constraintWeightOverrides = overrides;
    }

    public @Nullable HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(@Nullable HardMediumSoftLongScore score) {
        this.score = score;
    }
}
