package org.spascheduler.roster;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.planning.StoredWeek;
import org.spascheduler.room.StoredRoom;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.solver.RosterJustification;
import org.spascheduler.therapist.StoredTherapist;
import org.spascheduler.web.ConflictException;
import org.spascheduler.web.UnprocessableException;
import org.spascheduler.weights.ConstraintCatalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;

/** The week's roster as stored: its views, its explanation, and publishing it. */
@Service
public class RosterWeekService {

    private final PlanningWeeks store;
    private final AppointmentRepository appointments;
    private final ConstraintCatalog catalog;
    private final SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;
    private final RosterJobService jobs;

    RosterWeekService(PlanningWeeks store, AppointmentRepository appointments, ConstraintCatalog catalog,
            SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager, RosterJobService jobs) {
        this.store = store;
        this.appointments = appointments;
        this.catalog = catalog;
        this.solutionManager = solutionManager;
        this.jobs = jobs;
    }

    public enum Grouping {
        THERAPIST, ROOM, DAY
    }

    @Transactional(readOnly = true)
    public WeekRosterViews.WeekRoster roster(LocalDate weekStart, Grouping by) {
        var week = store.stored(weekStart);
        var sessions = sessionViews(week);
        var placed = sessions.stream().filter(session -> session.start() != null)
                .sorted(Comparator.comparing(WeekRosterViews.SessionView::start)
                        .thenComparing(WeekRosterViews.SessionView::appointmentId))
                .toList();
        var groups = new LinkedHashMap<String, WeekRosterViews.Group>();
        switch (by) {
            case THERAPIST -> week.therapists().stream()
                    .sorted(Comparator.comparing(StoredTherapist::name))
                    .forEach(t -> groups.put(t.id(), new WeekRosterViews.Group(t.id(), t.name(), new ArrayList<>())));
            case ROOM -> week.rooms().stream().sorted(Comparator.comparing(StoredRoom::name))
                    .forEach(r -> groups.put(r.id(), new WeekRosterViews.Group(r.id(), r.name(), new ArrayList<>())));
            case DAY -> {
                for (var day = 0; day < 7; day++) {
                    var date = weekStart.plusDays(day);
                    groups.put(date.toString(), new WeekRosterViews.Group(date.toString(),
                            date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                            new ArrayList<>()));
                }
            }
        }
        for (var session : placed) {
            var key = switch (by) {
                case THERAPIST -> session.therapistId();
                case ROOM -> session.roomId();
                case DAY -> session.start().toLocalDate().toString();
            };
            var group = groups.get(key);
            if (group == null) {
                // A session placed outside the week (only possible by hand): shown on its own date.
                group = new WeekRosterViews.Group(key, key, new ArrayList<>());
                groups.put(key, group);
            }
            group.sessions().add(session);
        }
        var unplaced = sessions.stream().filter(session -> session.start() == null)
                .sorted(Comparator.comparing(WeekRosterViews.SessionView::windowStart)).toList();
        return new WeekRosterViews.WeekRoster(weekStart, by.name().toLowerCase(), sessions.size(), placed.size(),
                groups.values().stream()
                        .map(g -> new WeekRosterViews.Group(g.key(), g.name(), List.copyOf(g.sessions()))).toList(),
                unplaced);
    }

    /** The score per constraint with every match in words, and why each unplaced session has no place. */
    @Transactional(readOnly = true)
    public WeekRosterViews.Explanation explain(LocalDate weekStart) {
        var week = store.stored(weekStart);
        var schedule = store.solution(week);
        var analysis = solutionManager.analyze(schedule);
        var constraints = analysis.constraintMap().values().stream()
                .filter(constraint -> !constraint.score().isZero())
                .sorted(Comparator.comparing(constraint -> constraint.score()))
                .map(constraint -> {
                    var entry = catalog.find(constraint.constraintRef().constraintName());
                    var matches = constraint.matches() == null ? List.<String>of()
                            : constraint.matches().stream()
                                    .map(match -> match.justification() instanceof RosterJustification justification
                                            ? justification.description() : String.valueOf(match.justification()))
                                    .toList();
                    var score = constraint.score();
                    return new WeekRosterViews.ConstraintExplanation(constraint.constraintRef().constraintName(),
                            entry == null ? "" : entry.level(), entry == null ? "" : entry.description(),
                            score.toString(), score.hardScore(), score.mediumScore(), score.softScore(),
                            constraint.matchCount(), matches);
                })
                .toList();
        var reasons = new UnplacedReasons(schedule, solutionManager, analysis);
        var settings = schedule.getSettings();
        var unplaced = schedule.getAppointments().stream().filter(session -> !session.isScheduled())
                .map(session -> new WeekRosterViews.UnplacedExplanation(session.getId(), session.getClient().name(),
                        session.getTreatment().name(), session.getDurationMinutes(),
                        settings.dateTimeOf(session.getRequestedWindow().start()),
                        settings.dateTimeOf(session.getRequestedWindow().end()), session.getPriority().name(),
                        reasons.explain(session)))
                .toList();
        var score = analysis.score();
        return new WeekRosterViews.Explanation(weekStart, score.toString(), score.hardScore(), score.mediumScore(),
                score.softScore(), score.isFeasible(), constraints, unplaced);
    }

    /**
     * Confirms every placed session of the week that is not confirmed yet, and records what the client is told: from
     * now on it keeps its therapist, room and time in later solves (rule 9), unless the front desk releases it.
     */
    @Transactional
    public WeekRosterViews.Published publish(LocalDate weekStart) {
        // A queued job counts: it would solve the week again right after.
        var weekJob = jobs.weekJobLocation(weekStart);
        if (weekJob != null) {
            throw new ConflictException("weekStart",
                    "A roster job is solving or queued for this week; stop it or wait for it before publishing.",
                    weekJob);
        }
        var week = store.stored(weekStart);
        var score = solutionManager.update(store.solution(week));
        if (score.hardScore() < 0) {
            throw new UnprocessableException("weekStart", ("(%s): the roster breaks hard rules (%s), so it cannot be "
                    + "promised to clients; see /api/weeks/%s/explanation").formatted(weekStart, score, weekStart));
        }
        var toConfirm = new ArrayList<StoredAppointment>();
        var alreadyConfirmed = 0;
        var unplaced = 0;
        for (var appointment : week.appointments()) {
            if (!appointment.isPlaced()) {
                unplaced++;
            } else if (appointment.isMovable()) {
                toConfirm.add(appointment.confirmedWherePlaced());
            } else {
                alreadyConfirmed++;
            }
        }
        appointments.saveAll(toConfirm);
        return new WeekRosterViews.Published(weekStart, toConfirm.size(), alreadyConfirmed, unplaced, score.toString());
    }

    private static List<WeekRosterViews.SessionView> sessionViews(StoredWeek week) {
        Map<String, String> clients = week.clients().stream()
                .collect(Collectors.toMap(c -> c.id(), c -> c.name()));
        Map<String, String> treatments = week.treatments().stream()
                .collect(Collectors.toMap(t -> t.id(), t -> t.name()));
        Map<String, String> therapists = week.therapists().stream()
                .collect(Collectors.toMap(t -> t.id(), t -> t.name()));
        Map<String, String> rooms = week.rooms().stream().collect(Collectors.toMap(r -> r.id(), r -> r.name()));
        Function<StoredAppointment, WeekRosterViews.SessionView> view = a -> new WeekRosterViews.SessionView(a.id(),
                a.clientId(), clients.get(a.clientId()), a.treatmentId(), treatments.get(a.treatmentId()),
                a.durationMinutes(), a.therapistId(),
                a.therapistId() == null ? null : therapists.get(a.therapistId()), a.roomId(),
                a.roomId() == null ? null : rooms.get(a.roomId()), a.startsAt(),
                a.startsAt() == null ? null : a.startsAt().plusMinutes(a.durationMinutes()), a.state().name(),
                a.released(), a.carePlanId(), a.windowStart(), a.windowEnd());
        return week.appointments().stream().map(view).toList();
    }
}
