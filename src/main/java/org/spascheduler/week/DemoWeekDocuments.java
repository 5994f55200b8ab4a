package org.spascheduler.week;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.spascheduler.booking.AppointmentJson;
import org.spascheduler.booking.BookingState;
import org.spascheduler.careplan.CarePlanJson;
import org.spascheduler.client.ClientJson;
import org.spascheduler.common.PeriodJson;
import org.spascheduler.common.SpacingJson;
import org.spascheduler.common.WeeklyTimeJson;
import org.spascheduler.room.RoomJson;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.CarePlan;
import org.spascheduler.schedule.domain.Client;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SeriesSpacing;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.Treatment;
import org.spascheduler.schedule.domain.WeekInterval;
import org.spascheduler.schedule.domain.WorkRules;
import org.spascheduler.spa.SpaJson;
import org.spascheduler.spa.WorkRulesJson;
import org.spascheduler.therapist.TherapistJson;
import org.spascheduler.treatment.TreatmentJson;

/**
 * A generated planning week as a week document, so that the demo spa enters the database through the import like any
 * other week. Minutes of the week become wall-clock times from the week's Monday; the planning model's weekly wishes
 * (opening hours, preferred times, rather-not-work) become weekly patterns, and its shifts become both the week's dated
 * shifts and the therapist's usual week.
 */
public final class DemoWeekDocuments {

    private static final int DAY = WeekInterval.MINUTES_PER_DAY;
    /** A weekly range ends on the day it starts: one that runs to midnight ends a minute before. */
    private static final LocalTime LAST_MINUTE = LocalTime.of(23, 59);

    private DemoWeekDocuments() {
    }

    public static WeekDocument of(SpaSchedule schedule) {
        var settings = schedule.getSettings();
        var weekStart = settings.weekStart();
        var spaRules = WorkRules.DEFAULT; // The planning settings carry none: the demo's therapists use the defaults.
        var spa = new SpaJson(settings.spaName(), settings.timeZone().getId(), settings.grainMinutes(),
                settings.highLoadRestMinutes(), workRulesJson(spaRules),
                weekly(settings.openingHours()).stream()
                        .map(time -> new SpaJson.OpeningHoursJson(time.dayOfWeek(), time.starts(), time.ends()))
                        .toList(),
                null);
        var treatments = schedule.getTreatments().stream().map(DemoWeekDocuments::treatment).toList();
        var therapists = schedule.getTherapists().stream()
                .map(therapist -> therapist(therapist, weekStart, spaRules))
                .toList();
        var rooms = schedule.getRooms().stream().map(room -> room(room, weekStart)).toList();
        var clients = schedule.getClients().stream().map(DemoWeekDocuments::client).toList();
        var carePlans = carePlans(schedule);
        var appointments = schedule.getAppointments().stream()
                .map(appointment -> appointment(appointment, weekStart))
                .toList();
        return new WeekDocument(weekStart, spa, treatments, therapists, rooms, clients, carePlans, appointments,
                null);
    }

    private static TreatmentJson treatment(Treatment treatment) {
        return new TreatmentJson(treatment.id(), treatment.name(), treatment.requiredSkill(), treatment.load(),
                treatment.turnoverMinutes(), treatment.durationsMinutes(), treatment.requiredRoomFeatures(),
                treatment.seriesDefault() == null ? null : spacing(treatment.seriesDefault()), null);
    }

    private static TherapistJson therapist(Therapist therapist, LocalDate weekStart, WorkRules spaRules) {
        return new TherapistJson(therapist.id(), therapist.name(), therapist.skills(), therapist.changeoverMinutes(),
                therapist.maxHandsOnMinutesPerDay(), therapist.maxHighLoadSessionsPerDay(),
                therapist.workRules().equals(spaRules) ? null : workRulesJson(therapist.workRules()),
                weekly(therapist.shifts()), dated(therapist.shifts(), weekStart), dated(therapist.timeOff(), weekStart),
                weekly(therapist.ratherNotWork()), null);
    }

    private static RoomJson room(Room room, LocalDate weekStart) {
        return new RoomJson(room.id(), room.name(), room.features(), dated(room.outOfService(), weekStart), null);
    }

    private static ClientJson client(Client client) {
        return new ClientJson(client.id(), client.name(), null, null, client.chronic(), client.preferredTherapistIds(),
                client.avoidedTherapistIds(), weekly(client.preferredTimes()), null);
    }

    /**
     * The planning care plan names its client and treatment by name only (for justifications); its sessions know
     * them by id.
     */
    private static List<CarePlanJson> carePlans(SpaSchedule schedule) {
        var sessionOf = new HashMap<CarePlan, Appointment>();
        for (var appointment : schedule.getAppointments()) {
            if (appointment.getCarePlan() != null) {
                sessionOf.putIfAbsent(appointment.getCarePlan(), appointment);
            }
        }
        var plans = new ArrayList<CarePlanJson>();
        for (var plan : schedule.getCarePlans()) {
            var session = sessionOf.get(plan);
            if (session == null) {
                throw new IllegalArgumentException(
                        "The care plan (%s) has no session this week, so its client and treatment are unknown."
                                .formatted(plan.id()));
            }
            plans.add(new CarePlanJson(plan.id(), session.getClient().id(), session.getTreatment().id(),
                    plan.totalSessions(), spacing(plan.spacing()), plan.sameTherapist(), plan.sessionsDoneBeforeWeek(),
                    null));
        }
        return plans;
    }

    private static AppointmentJson appointment(Appointment appointment, LocalDate weekStart) {
        var window = appointment.getRequestedWindow();
        var placed = appointment.isScheduled();
        var published = appointment.getPublishedAssignment();
        return new AppointmentJson(appointment.getId(), appointment.getClient().id(), appointment.getTreatment().id(),
                appointment.getDurationMinutes(), at(weekStart, window.start()), at(weekStart, window.end()), weekStart,
                BookingState.valueOf(appointment.getState().name()), appointment.isReleasedByFrontDesk(),
                appointment.getCarePlan() == null ? null : appointment.getCarePlan().id(),
                placed ? appointment.getTherapist().id() : null, placed ? appointment.getRoom().id() : null,
                placed ? at(weekStart, appointment.getStartMinute()) : null,
                published == null ? null : published.therapistId(), published == null ? null : published.roomId(),
                published == null ? null : at(weekStart, published.startMinute()), null);
    }

    private static SpacingJson spacing(SeriesSpacing spacing) {
        return new SpacingJson(spacing.minDays(), spacing.idealMinDays(), spacing.idealMaxDays(), spacing.maxDays());
    }

    private static WorkRulesJson workRulesJson(WorkRules rules) {
        return new WorkRulesJson(rules.breakMinutes(), rules.maxRunMinutes(), rules.longDayMinutes(),
                rules.compactGapMinutes());
    }

    private static LocalDateTime at(LocalDate weekStart, int minuteOfWeek) {
        return weekStart.atStartOfDay().plusMinutes(minuteOfWeek);
    }

    private static List<PeriodJson> dated(List<WeekInterval> intervals, LocalDate weekStart) {
        return intervals.stream()
                .map(interval -> new PeriodJson(at(weekStart, interval.start()), at(weekStart, interval.end()), null))
                .toList();
    }

    /** Intervals as weekly times, one per day they touch: a weekly time lies within one day. */
    static List<WeeklyTimeJson> weekly(List<WeekInterval> intervals) {
        var times = new ArrayList<WeeklyTimeJson>();
        for (var interval : intervals) {
            for (var day = Math.floorDiv(interval.start(), DAY); day * DAY < interval.end(); day++) {
                var from = Math.max(interval.start(), day * DAY) - day * DAY;
                var to = Math.min(interval.end(), (day + 1) * DAY) - day * DAY;
                if (to > from) {
                    times.add(new WeeklyTimeJson(DayOfWeek.of(Math.floorMod(day, 7) + 1), timeOfDay(from),
                            to == DAY ? LAST_MINUTE : timeOfDay(to)));
                }
            }
        }
        return times;
    }

    private static LocalTime timeOfDay(int minuteOfDay) {
        return LocalTime.ofSecondOfDay(minuteOfDay * 60L);
    }
}
