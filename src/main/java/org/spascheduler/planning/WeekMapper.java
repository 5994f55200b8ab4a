package org.spascheduler.planning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.Placement;
import org.spascheduler.client.StoredClient;
import org.spascheduler.room.StoredRoom;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.AppointmentState;
import org.spascheduler.schedule.domain.CarePlan;
import org.spascheduler.schedule.domain.Client;
import org.spascheduler.schedule.domain.PublishedAssignment;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SeriesSpacing;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.SpaSettings;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TimeSlot;
import org.spascheduler.schedule.domain.Treatment;
import org.spascheduler.schedule.domain.WeekInterval;
import org.spascheduler.schedule.domain.WorkRules;
import org.spascheduler.spa.StoredWorkRules;
import org.spascheduler.therapist.StoredTherapist;
import org.spascheduler.treatment.StoredTreatment;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The one mapper between the spa's books and the planning model: a stored week becomes a {@link SpaSchedule}, and a
 * solved schedule becomes the placements to store. Dated times become minutes from the week's Monday (clipped to the
 * week); weekly patterns are laid out on the week's seven days.
 */
final class WeekMapper {

    private static final int MINUTES_PER_WEEK = 7 * WeekInterval.MINUTES_PER_DAY;

    private WeekMapper() {
    }

    /** Where a solved session goes, as stored; all null when it stays unplaced. */
    /** Where a solved session goes, as stored. */
    record SolvedPlacement(String appointmentId, Placement placement) {
    }

    /**
     * @param levels each constraint's level name ("hard", "medium" or "soft"), to turn a stored weight into a score
     */
    public static SpaSchedule toSchedule(StoredWeek week, Map<String, String> levels) {
        var monday = week.weekStart();
        var spa = week.spa();
        var settings = new SpaSettings(spa.name(), monday, ZoneId.of(spa.timeZone()), spa.grainMinutes(),
                weekly(spa.openingHours(), h -> h.dayOfWeek(), h -> h.opens(), h -> h.closes()),
                spa.highLoadRestMinutes());
        var treatments = week.treatments().stream().map(WeekMapper::treatment).toList();
        var therapists = week.therapists().stream()
                .map(therapist -> therapist(therapist, monday, spa.workRules())).toList();
        var rooms = week.rooms().stream().map(room -> room(room, monday)).toList();
        var clients = week.clients().stream().map(WeekMapper::client).toList();
        var treatmentById = byId(treatments, Treatment::id);
        var therapistById = byId(therapists, Therapist::id);
        var roomById = byId(rooms, Room::id);
        var clientById = byId(clients, Client::id);
        var plans = new ArrayList<CarePlan>();
        for (var plan : week.carePlans()) {
            var client = clientById.get(plan.clientId());
            var treatment = treatmentById.get(plan.treatmentId());
            var doneBefore = Math.min(plan.totalSessions(),
                    plan.sessionsDoneBefore() + week.plansDoneBeforeWeek().getOrDefault(plan.id(), 0));
            plans.add(new CarePlan(plan.id(), client == null ? plan.clientId() : client.name(),
                    treatment == null ? plan.treatmentId() : treatment.name(), plan.totalSessions(),
                    new SeriesSpacing(plan.minDays(), plan.idealMinDays(), plan.idealMaxDays(), plan.maxDays()),
                    plan.sameTherapist(), doneBefore));
        }
        var planById = byId(plans, CarePlan::id);
        var slots = new HashMap<Integer, TimeSlot>();
        var appointments = new ArrayList<Appointment>();
        for (var stored : week.appointments()) {
            if (stored.state() == BookingState.CANCELLED) {
                continue;
            }
            var plan = stored.carePlanId() == null ? null : planById.get(stored.carePlanId());
            var seriesIndex = week.seriesIndexes().getOrDefault(stored.id(), 0);
            if (plan != null && seriesIndex >= plan.totalSessions()) {
                // More sessions booked than the plan has: the extra ones are scheduled as plain sessions.
                plan = null;
                seriesIndex = 0;
            }
            var published = stored.publishedStartsAt() == null ? null
                    : new PublishedAssignment(stored.publishedTherapistId(), stored.publishedRoomId(),
                            minuteOf(monday, stored.publishedStartsAt()));
            var appointment = new Appointment(stored.id(), clientById.get(stored.clientId()),
                    treatmentById.get(stored.treatmentId()), stored.durationMinutes(),
                    new WeekInterval(minuteOf(monday, stored.windowStart()), minuteOf(monday, stored.windowEnd())),
                    state(stored.state()), stored.released(), plan, seriesIndex, published);
            if (stored.isPlaced()) {
                var minute = minuteOf(monday, stored.startsAt());
                appointment.assign(therapistById.get(stored.therapistId()), roomById.get(stored.roomId()),
                        slots.computeIfAbsent(minute, m -> new TimeSlot(m, settings.dateTimeOf(m))));
            }
            appointments.add(appointment);
        }
        var schedule = SpaSchedule.assemble(settings, treatments, therapists, rooms, clients, plans, appointments);
        schedule.setConstraintWeightOverrides(weights(week.constraintWeights(), levels));
        return schedule;
    }

    /**
     * A session not stored yet, for a schedule mapped from its week: what the front desk asks about. Requested,
     * unplaced, in no care plan, its values restricted as the week's own sessions' are; not added to the schedule.
     */
    public static Appointment newSession(SpaSchedule schedule, String id, StoredClient client,
            String treatmentId, int durationMinutes, LocalDateTime windowStart, LocalDateTime windowEnd) {
        var monday = schedule.getSettings().weekStart();
        var treatment = schedule.getTreatments().stream().filter(known -> known.id().equals(treatmentId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "The treatment (%s) is not one of the week's (%s).".formatted(treatmentId, monday)));
        var session = new Appointment(id, client(client), treatment, durationMinutes,
                new WeekInterval(minuteOf(monday, windowStart), minuteOf(monday, windowEnd)),
                AppointmentState.REQUESTED, false, null, 0, null);
        schedule.restrictValues(session);
        return session;
    }

    /** Where each session of a solved week goes, as stored. */
    static List<SolvedPlacement> placements(SpaSchedule solved) {
        var monday = solved.getSettings().weekStart().atStartOfDay();
        return solved.getAppointments().stream()
                .map(appointment -> appointment.isScheduled()
                        ? new SolvedPlacement(appointment.getId(), new Placement(appointment.getTherapist().id(),
                                appointment.getRoom().id(), monday.plusMinutes(appointment.getStartMinute())))
                        : new SolvedPlacement(appointment.getId(), Placement.NONE))
                .toList();
    }

    public static ConstraintWeightOverrides<HardMediumSoftLongScore> weights(Map<String, Long> weights,
            Map<String, String> levels) {
        var overrides = new HashMap<String, HardMediumSoftLongScore>();
        weights.forEach((name, weight) -> {
            var level = levels.get(name);
            if (level != null) {
                overrides.put(name, switch (level) {
                    case "hard" -> HardMediumSoftLongScore.ofHard(weight);
                    case "medium" -> HardMediumSoftLongScore.ofMedium(weight);
                    default -> HardMediumSoftLongScore.ofSoft(weight);
                });
            }
        });
        return ConstraintWeightOverrides.of(overrides);
    }

    private static AppointmentState state(BookingState state) {
        return switch (state) {
            case REQUESTED -> AppointmentState.REQUESTED;
            case CONFIRMED -> AppointmentState.CONFIRMED;
            case IN_PROGRESS -> AppointmentState.IN_PROGRESS;
            case DONE -> AppointmentState.DONE;
            case CANCELLED -> throw new IllegalArgumentException("A cancelled session has no place in a roster.");
        };
    }

    private static Treatment treatment(StoredTreatment stored) {
        var series = stored.seriesDefault();
        return new Treatment(stored.id(), stored.name(),
                stored.durations().stream().map(StoredTreatment.Duration::minutes).toList(),
                stored.requiredSkill(), stored.load(),
                stored.requiredRoomFeatures().stream()
                        .map(StoredTreatment.RoomFeature::feature).collect(Collectors.toSet()),
                stored.turnoverMinutes(), series == null ? null
                        : new SeriesSpacing(series.minDays(), series.idealMinDays(), series.idealMaxDays(),
                                series.maxDays()));
    }

    private static Therapist therapist(StoredTherapist stored, LocalDate monday,
            StoredWorkRules spaRules) {
        var dated = dated(stored.shifts(), s -> s.startsAt(), s -> s.endsAt(), monday);
        // A week with dated shifts is rostered by them; any other week follows the therapist's usual week.
        var shifts = dated.isEmpty() ? weekly(stored.weeklyShifts(), s -> s.dayOfWeek(), s -> s.starts(), s -> s.ends())
                : dated;
        var rules = stored.workRules() == null ? spaRules : stored.workRules();
        return new Therapist(stored.id(), stored.name(),
                stored.skills().stream().map(StoredTherapist.Skill::skill)
                        .collect(Collectors.toSet()),
                shifts, dated(stored.timeOff(), t -> t.startsAt(), t -> t.endsAt(), monday),
                stored.changeoverMinutes(), stored.maxHandsOnMinutesPerDay(), stored.maxHighLoadSessionsPerDay(),
                weekly(stored.ratherNotWork(), r -> r.dayOfWeek(), r -> r.starts(), r -> r.ends()),
                new WorkRules(rules.breakMinutes(), rules.maxRunMinutes(), rules.longDayMinutes(),
                        rules.compactGapMinutes()));
    }

    private static Room room(StoredRoom stored, LocalDate monday) {
        return new Room(stored.id(), stored.name(),
                stored.features().stream().map(StoredRoom.Feature::feature)
                        .collect(Collectors.toSet()),
                dated(stored.outOfService(), p -> p.startsAt(), p -> p.endsAt(), monday));
    }

    private static Client client(StoredClient stored) {
        return new Client(stored.id(), stored.name(),
                stored.preferredTherapists().stream()
                        .map(StoredClient.PreferredTherapist::therapistId)
                        .collect(Collectors.toSet()),
                stored.avoidedTherapists().stream().map(StoredClient.AvoidedTherapist::therapistId)
                        .collect(Collectors.toSet()),
                weekly(stored.preferredTimes(), t -> t.dayOfWeek(), t -> t.starts(), t -> t.ends()),
                stored.chronic());
    }

    /** A weekly pattern laid out on the week: each range on its day, in minutes from Monday. */
    private static <T> List<WeekInterval> weekly(List<T> ranges, Function<T, DayOfWeek> day,
            Function<T, LocalTime> starts, Function<T, LocalTime> ends) {
        return ranges.stream().map(range -> {
            var dayStart = (day.apply(range).getValue() - 1) * WeekInterval.MINUTES_PER_DAY;
            return new WeekInterval(dayStart + starts.apply(range).toSecondOfDay() / 60,
                    dayStart + ends.apply(range).toSecondOfDay() / 60);
        }).filter(interval -> interval.lengthMinutes() > 0).toList();
    }

    /** Dated periods that touch the week, clipped to it, in minutes from Monday. */
    private static <T> List<WeekInterval> dated(List<T> periods, Function<T, LocalDateTime> startsAt,
            Function<T, LocalDateTime> endsAt, LocalDate monday) {
        var intervals = new ArrayList<WeekInterval>();
        for (var period : periods) {
            var start = Math.max(0, minuteOf(monday, startsAt.apply(period)));
            var end = Math.min(MINUTES_PER_WEEK, minuteOf(monday, endsAt.apply(period)));
            if (end > start) {
                intervals.add(new WeekInterval(start, end));
            }
        }
        return intervals;
    }

    /** Minutes from the week's Monday 00:00; clamped far outside the week so that it always fits an int. */
    static int minuteOf(LocalDate monday, LocalDateTime moment) {
        var minutes = ChronoUnit.MINUTES.between(monday.atStartOfDay(), moment);
        return (int) Math.max(-MINUTES_PER_WEEK * 100L, Math.min(MINUTES_PER_WEEK * 100L, minutes));
    }

    private static <T> Map<String, T> byId(List<T> values, Function<T, String> id) {
        return values.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
