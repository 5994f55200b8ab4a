package org.spascheduler.frontdesk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.AppointmentRules;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.SessionCancellation;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.booking.StoredReferences;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.common.FieldChecks;
import org.spascheduler.common.Weeks;
import org.spascheduler.planning.WeekLocks;
import org.spascheduler.room.RoomRepository;
import org.spascheduler.room.StoredRoom;
import org.spascheduler.roster.RosterJobService;
import org.spascheduler.roster.RosterRepair;
import org.spascheduler.spa.Spa;
import org.spascheduler.spa.SpaRepository;
import org.spascheduler.therapist.StoredTherapist;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.treatment.TreatmentRepository;
import org.spascheduler.web.ConflictException;
import org.spascheduler.web.Crud;
import org.spascheduler.web.FieldProblem;
import org.spascheduler.web.Ids;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.UnprocessableException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The front desk's events. Each one, under its week's lock: checks that it makes sense now, records itself and its own
 * change to the spa's books (a cancellation, time off, a closed room, a new request, a released or moved session), then
 * repairs the week's roster from where it stands and records every session that changed, so that the desk knows whom
 * to call. When a roster job is solving the week, the job takes the change in instead (a Timefold problem change) and
 * places what the event freed as it goes on.
 */
@Service
public class FrontDeskService implements SessionCancellation {

    private static final int WHY_LENGTH = 500;

    private static final Logger LOGGER = LoggerFactory.getLogger(FrontDeskService.class);

    private final WeekLocks locks;
    private final Clock clock;
    private final RosterRepair repair;
    private final ManualMoveCheck moveCheck;
    private final RosterJobService jobs;
    private final FrontDeskEventRepository events;
    private final AppointmentRepository appointments;
    private final TherapistRepository therapists;
    private final RoomRepository rooms;
    private final ClientRepository clients;
    private final TreatmentRepository treatments;
    private final SpaRepository spas;
    private final StoredReferences references;
    private final TransactionTemplate transaction;

    FrontDeskService(WeekLocks locks, Clock clock, RosterRepair repair, ManualMoveCheck moveCheck,
            RosterJobService jobs, FrontDeskEventRepository events, AppointmentRepository appointments,
            TherapistRepository therapists, RoomRepository rooms, ClientRepository clients,
            TreatmentRepository treatments, SpaRepository spas, StoredReferences references,
            TransactionTemplate transaction) {
        this.locks = locks;
        this.clock = clock;
        this.repair = repair;
        this.moveCheck = moveCheck;
        this.jobs = jobs;
        this.events = events;
        this.appointments = appointments;
        this.therapists = therapists;
        this.rooms = rooms;
        this.clients = clients;
        this.treatments = treatments;
        this.spas = spas;
        this.references = references;
        this.transaction = transaction;
    }

    @Override
    public void cancel(String appointmentId, boolean late, String actor, @Nullable String reason,
            @Nullable Integer version) {
        cancel(new FrontDeskRequests.Cancellation(appointmentId, late, actor, reason, version));
    }

    public FrontDeskViews.EventView cancel(FrontDeskRequests.Cancellation request) {
        var weekStart = appointment(request.appointmentId(), "appointmentId").weekStart();
        return locks.withWeek(weekStart, () -> {
            var appointment = current(request.appointmentId(), request.version(), weekStart);
            requireNotOver(appointment, "appointmentId");
            if (appointment.state() == BookingState.CANCELLED) {
                throw new ConflictException("state", "This session is already cancelled.", null);
            }
            return record(weekStart, FrontDeskEventKind.CANCELLATION, request.actor(), request.reason(),
                    appointment.id(), null, null, null, null, request.late(), Map.of(), () -> appointments.save(
                            appointment.withState(BookingState.CANCELLED, appointment.released())));
        });
    }

    public FrontDeskViews.EventView therapistUnavailable(FrontDeskRequests.TherapistUnavailable request) {
        var therapist = therapists.findById(knownId(request.therapistId(), "therapistId", "therapist"))
                .orElseThrow(() -> new UnprocessableException("therapistId",
                        "names no therapist (%s)".formatted(request.therapistId())));
        var period = period(request.startsAt(), request.endsAt());
        return locks.withWeek(period.weekStart(), () -> {
            var affected = sessionsDuring(period, appointment -> therapist.id().equals(appointment.therapistId()));
            var why = "%s is unavailable%s".formatted(therapist.name(), because(request.reason()));
            return record(period.weekStart(), FrontDeskEventKind.THERAPIST_UNAVAILABLE, request.actor(),
                    request.reason(), null, therapist.id(), null, period.startsAt(), period.endsAt(), false,
                    causes(affected, why), () -> {
                        therapists.save(withTimeOff(therapists.findById(therapist.id()).orElseThrow(), period,
                                request.reason()));
                        release(affected);
                    });
        });
    }

    public FrontDeskViews.EventView roomOutOfService(FrontDeskRequests.RoomOutOfService request) {
        var room = rooms.findById(knownId(request.roomId(), "roomId", "room"))
                .orElseThrow(() -> new UnprocessableException("roomId",
                        "names no room (%s)".formatted(request.roomId())));
        var period = period(request.startsAt(), request.endsAt());
        return locks.withWeek(period.weekStart(), () -> {
            var affected = sessionsDuring(period, appointment -> room.id().equals(appointment.roomId()));
            var why = "%s is out of service%s".formatted(room.name(), because(request.reason()));
            return record(period.weekStart(), FrontDeskEventKind.ROOM_OUT_OF_SERVICE, request.actor(),
                    request.reason(), null, null, room.id(), period.startsAt(), period.endsAt(), false,
                    causes(affected, why), () -> {
                        rooms.save(withOutOfService(rooms.findById(room.id()).orElseThrow(), period,
                                request.reason()));
                        release(affected);
                    });
        });
    }

    public FrontDeskViews.EventView bookingRequest(FrontDeskRequests.BookingRequest request) {
        var weekStart = Weeks.weekStartOf(request.windowStart());
        var appointment = new StoredAppointment(Ids.generate("appointment"), request.clientId(), request.treatmentId(),
                request.durationMinutes(), request.windowStart(), request.windowEnd(), weekStart,
                BookingState.REQUESTED, false, null, null, null, null, null, null, null, null);
        Crud.requirePossible(AppointmentRules.check(appointment, "", references.references()));
        if (!request.windowEnd().isAfter(now())) {
            throw new UnprocessableException("windowEnd", "(%s) is in the past".formatted(request.windowEnd()));
        }
        return locks.withWeek(weekStart, () -> record(weekStart, FrontDeskEventKind.BOOKING_REQUEST,
                request.actor(), request.reason(), appointment.id(), null, null, request.windowStart(),
                request.windowEnd(), false, Map.of(appointment.id(), "asked for by %s%s".formatted(request.actor(),
                        because(request.reason()))),
                () -> appointments.save(appointment)));
    }

    public FrontDeskViews.EventView release(FrontDeskRequests.Release request) {
        var weekStart = appointment(request.appointmentId(), "appointmentId").weekStart();
        return locks.withWeek(weekStart, () -> {
            var appointment = current(request.appointmentId(), request.version(), weekStart);
            requireNotOver(appointment, "appointmentId");
            if (appointment.state() != BookingState.CONFIRMED) {
                throw new ConflictException("state", "Only a confirmed session can be released; this one is %s."
                        .formatted(appointment.state()), null);
            }
            return record(weekStart, FrontDeskEventKind.RELEASE, request.actor(), request.reason(),
                    appointment.id(), null, null, null, null, false,
                    Map.of(appointment.id(), "released by %s%s".formatted(request.actor(), because(request.reason()))),
                    () -> release(List.of(appointment)));
        });
    }

    public FrontDeskViews.EventView manualMove(FrontDeskRequests.ManualMove request) {
        var weekStart = appointment(request.appointmentId(), "appointmentId").weekStart();
        return locks.withWeek(weekStart, () -> {
            var appointment = current(request.appointmentId(), request.version(), weekStart);
            requireNotOver(appointment, "appointmentId");
            if (appointment.state() != BookingState.REQUESTED && appointment.state() != BookingState.CONFIRMED) {
                throw new ConflictException("state", "A session that is %s cannot be moved.".formatted(
                        appointment.state()),
                        null);
            }
            Crud.requirePossible(FieldChecks.checkPlausible(Map.of("startsAt", request.startsAt())));
            if (!Weeks.weekStartOf(request.startsAt()).equals(weekStart)) {
                throw new UnprocessableException("startsAt",
                        "(%s) is outside the session's week (%s)".formatted(request.startsAt(), weekStart));
            }
            if (request.startsAt().isBefore(now())) {
                throw new UnprocessableException("startsAt", "(%s) is in the past".formatted(request.startsAt()));
            }
            knownId(request.therapistId(), "therapistId", "therapist");
            knownId(request.roomId(), "roomId", "room");
            var moved = appointment.withPlacement(request.therapistId(), request.roomId(), request.startsAt())
                    .confirmedWherePlaced();
            moveCheck.requireNoHardRuleBroken(weekStart, moved);
            return record(weekStart, FrontDeskEventKind.MANUAL_MOVE, request.actor(), request.reason(),
                    appointment.id(), request.therapistId(), request.roomId(), request.startsAt(), null, false,
                    Map.of(appointment.id(), "moved by hand by %s%s".formatted(request.actor(),
                            because(request.reason()))),
                    () -> appointments.save(moved));
        });
    }

    /** The week's front-desk events, oldest first. */
    public List<FrontDeskViews.EventView> events(LocalDate weekStart) {
        var names = names();
        return events.findByWeekStartOrderByRecordedAtAscIdAsc(weekStart).stream()
                .map(event -> view(event, names)).toList();
    }

    /**
     * Records the event with its own change in one transaction, repairs the roster, and records what changed.
     *
     * @param causes why each session directly concerned changes, by appointment id
     */
    private FrontDeskViews.EventView record(LocalDate weekStart, FrontDeskEventKind kind, String actor,
            @Nullable String reason, @Nullable String appointmentId, @Nullable String therapistId,
            @Nullable String roomId, @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, boolean late,
            Map<String, String> causes, Runnable change) {
        var started = System.nanoTime();
        var weekBefore = appointments.findByWeekStart(weekStart);
        var event = transaction.execute(status -> {
            change.run();
            return events.save(new FrontDeskEvent(null, weekStart, kind, actor, reason, Instant.now(), appointmentId,
                    therapistId, roomId, startsAt, endsAt, late, null, List.of(), null));
        });
        var solving = jobs.solvingJobLocation(weekStart);
        switch (jobs.booksChanged(weekStart)) {
            case APPLIED -> {
                return recordTakenByJob(event, weekBefore, causes, solving);
            }
            case JOB_ENDED -> weekBefore = appointments.findByWeekStart(weekStart);
            case NO_JOB -> {
                // Repaired below.
            }
        }
        var before = weekBefore.stream().collect(Collectors.toMap(StoredAppointment::id, StoredAppointment::placement));
        var promisedBefore = weekBefore.stream()
                .filter(appointment -> appointment.publishedStartsAt() != null
                        && appointment.state() != BookingState.REQUESTED)
                .map(StoredAppointment::id).collect(Collectors.toSet());
        var hasSessions = appointments.findByWeekStart(weekStart).stream()
                .anyMatch(appointment -> appointment.state() != BookingState.CANCELLED);
        if (!hasSessions) {
            return view(event, names());
        }
        var repairStarted = System.nanoTime();
        var outcome = repair.repair(weekStart, before);
        var repaired = System.nanoTime();
        var changes = new ArrayList<FrontDeskEvent.Change>();
        for (var moved : outcome.changed()) {
            var appointment = moved.appointment();
            var why = causes.getOrDefault(appointment.id(), !moved.before().isPlaced() ? "placed from the waitlist"
                    : !moved.after().isPlaced() ? "lost its place in the repair" : "moved to make room");
            changes.add(new FrontDeskEvent.Change(appointment.id(), appointment.clientId(), appointment.treatmentId(),
                    moved.before().therapistId(), moved.before().roomId(), moved.before().startsAt(),
                    moved.after().therapistId(), moved.after().roomId(), moved.after().startsAt(),
                    moved.after().isPlaced(), promisedBefore.contains(appointment.id()), fitted(why)));
        }
        var stored = events.findById(event.id()).orElseThrow();
        var recorded = events.save(new FrontDeskEvent(stored.id(), weekStart, kind, actor, reason,
                stored.recordedAt(), appointmentId, therapistId, roomId, startsAt, endsAt, late, outcome.score(),
                changes, stored.version()));
        var view = view(recorded, names());
        LOGGER.debug("{} on week {} took {} ms: event {} ms, repair {} ms, record {} ms", kind, weekStart,
                RosterRepair.millis(started, System.nanoTime()), RosterRepair.millis(started, repairStarted),
                RosterRepair.millis(repairStarted, repaired), RosterRepair.millis(repaired, System.nanoTime()));
        return view;
    }

    /**
     * Records what an event changed when the roster job solving its week took it over: the sessions it concerns lost
     * their place for now, and the job places them again as it goes on (the week's roster shows where).
     */
    private FrontDeskViews.EventView recordTakenByJob(FrontDeskEvent event, List<StoredAppointment> weekBefore,
            Map<String, String> causes, @Nullable String job) {
        var before = weekBefore.stream().collect(Collectors.toMap(StoredAppointment::id, Function.identity()));
        var concerned = new java.util.LinkedHashSet<>(causes.keySet());
        if (event.appointmentId() != null && event.kind() != FrontDeskEventKind.CANCELLATION) {
            // A cancelled session is not a change to tell anyone about: its client cancelled it.
            concerned.add(event.appointmentId());
        }
        var changes = new ArrayList<FrontDeskEvent.Change>();
        for (var id : concerned) {
            var now = appointments.findById(id).orElseThrow();
            var was = before.getOrDefault(id, now.withPlacement(null, null, null));
            var kept = event.kind() == FrontDeskEventKind.MANUAL_MOVE;
            var why = causes.getOrDefault(id, event.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    + (kept ? "" : "; the roster job solving the week (%s) places it".formatted(job));
            changes.add(new FrontDeskEvent.Change(id, now.clientId(), now.treatmentId(), was.therapistId(),
                    was.roomId(), was.startsAt(), kept ? now.therapistId() : null, kept ? now.roomId() : null,
                    kept ? now.startsAt() : null, kept,
                    was.publishedStartsAt() != null && was.state() != BookingState.REQUESTED, fitted(why)));
        }
        var stored = events.findById(event.id()).orElseThrow();
        return view(events.save(new FrontDeskEvent(stored.id(), stored.weekStart(), stored.kind(), stored.actor(),
                stored.reason(), stored.recordedAt(), stored.appointmentId(), stored.therapistId(), stored.roomId(),
                stored.startsAt(), stored.endsAt(), stored.late(), null, changes, stored.version())), names());
    }

    /** The names an event's changes are shown with, read once per answer. */
    private record Names(Map<String, String> therapists, Map<String, String> rooms, Map<String, String> treatments) {
    }

    private Names names() {
        return new Names(names(therapists.findAll(), StoredTherapist::id, StoredTherapist::name),
                names(rooms.findAll(), StoredRoom::id, StoredRoom::name), names(treatments.findAll(),
                t -> t.id(), t -> t.name()));
    }

    private FrontDeskViews.EventView view(FrontDeskEvent event, Names names) {
        var clientIds = event.changes().stream().map(FrontDeskEvent.Change::clientId).collect(Collectors.toSet());
        var clientsById = clients.findAllById(clientIds).stream()
                .collect(Collectors.toMap(c -> c.id(), Function.identity()));
        var therapistNames = names.therapists();
        var roomNames = names.rooms();
        var treatmentNames = names.treatments();
        var changes = event.changes().stream().map(change -> {
            var client = clientsById.get(change.clientId());
            return new FrontDeskViews.ChangeView(change.appointmentId(), change.clientId(),
                    client == null ? change.clientId() : client.name(), client == null ? null : client.phone(),
                    client == null ? null : client.email(),
                    treatmentNames.getOrDefault(change.treatmentId(), change.treatmentId()),
                    place(change.fromTherapistId(), change.fromRoomId(), change.fromStartsAt(), therapistNames,
                            roomNames),
                    place(change.toTherapistId(), change.toRoomId(), change.toStartsAt(), therapistNames, roomNames),
                    change.kept(), change.why());
        }).toList();
        var toCall = new ArrayList<FrontDeskViews.ChangeView>();
        for (var index = 0; index < changes.size(); index++) {
            var change = event.changes().get(index);
            if (change.promised() || !change.kept() && change.fromStartsAt() != null) {
                toCall.add(changes.get(index));
            }
        }
        return new FrontDeskViews.EventView(Objects.requireNonNull(event.id()), event.kind(), event.weekStart(),
                event.actor(), event.reason(), event.recordedAt(), event.appointmentId(), event.therapistId(),
                event.roomId(), event.startsAt(), event.endsAt(), event.late(), event.score(), changes, toCall);
    }

    private static FrontDeskViews.PlaceView place(@Nullable String therapistId, @Nullable String roomId,
            @Nullable LocalDateTime startsAt, Map<String, String> therapistNames, Map<String, String> roomNames) {
        return new FrontDeskViews.PlaceView(therapistId, therapistId == null ? null : therapistNames.get(therapistId),
                roomId, roomId == null ? null : roomNames.get(roomId), startsAt);
    }

    private static <T> Map<String, String> names(List<T> values, Function<T, String> id, Function<T, String> name) {
        return values.stream().collect(Collectors.toMap(id, name));
    }

    /** A period of one week, not over yet. */
    private record Period(LocalDate weekStart, LocalDateTime startsAt, LocalDateTime endsAt) {
    }

    private Period period(LocalDateTime startsAt, LocalDateTime endsAt) {
        var problems = new ArrayList<>(FieldChecks.checkPlausible(
                new java.util.TreeMap<>(Map.of("endsAt", endsAt, "startsAt", startsAt))));
        if (!problems.isEmpty()) {
            Crud.requirePossible(problems);
        }
        if (!endsAt.isAfter(startsAt)) {
            problems.add(new FieldProblem("endsAt",
                    "(%s) is not after startsAt (%s)".formatted(endsAt, startsAt)));
        } else if (!endsAt.isAfter(now())) {
            problems.add(new FieldProblem("endsAt", "(%s) is in the past".formatted(endsAt)));
        } else if (!Weeks.weekStartOf(startsAt).equals(Weeks.weekStartOf(endsAt.minusMinutes(1)))) {
            problems.add(new FieldProblem("endsAt",
                    "(%s) is in a later week than startsAt; record one event per week".formatted(endsAt)));
        }
        Crud.requirePossible(problems);
        return new Period(Weeks.weekStartOf(startsAt), startsAt, endsAt);
    }

    /** Confirmed, not yet started sessions that overlap the period and match: they must move. */
    private List<StoredAppointment> sessionsDuring(Period period,
            java.util.function.Predicate<StoredAppointment> concerned) {
        var now = now();
        return appointments.findByWeekStart(period.weekStart()).stream()
                .filter(appointment -> appointment.isPlaced() && concerned.test(appointment))
                .filter(appointment -> appointment.state() == BookingState.CONFIRMED
                        || appointment.state() == BookingState.REQUESTED)
                .filter(appointment -> appointment.startsAt().isBefore(period.endsAt())
                        && appointment.startsAt().plusMinutes(appointment.durationMinutes())
                                .isAfter(period.startsAt()))
                .filter(appointment -> appointment.startsAt().isAfter(now))
                .toList();
    }

    private static Map<String, String> causes(List<StoredAppointment> affected, String why) {
        var causes = new HashMap<String, String>();
        affected.forEach(appointment -> causes.put(appointment.id(), why));
        return causes;
    }

    /** Lets confirmed sessions move in the repair; requested ones may move anyway. */
    private void release(List<StoredAppointment> affected) {
        appointments.saveAll(affected.stream().filter(appointment -> appointment.state() == BookingState.CONFIRMED)
                .map(appointment -> appointments.findById(appointment.id()).orElseThrow()
                        .withState(BookingState.CONFIRMED, true))
                .toList());
    }


    private static StoredTherapist withTimeOff(StoredTherapist t, Period period, @Nullable String reason) {
        var timeOff = new ArrayList<>(t.timeOff());
        timeOff.add(new StoredTherapist.TimeOff(period.startsAt(), period.endsAt(), reason));
        return new StoredTherapist(t.id(), t.name(), t.changeoverMinutes(), t.maxHandsOnMinutesPerDay(),
                t.maxHighLoadSessionsPerDay(), t.workRules(), t.skills(), t.weeklyShifts(), t.shifts(), timeOff,
                t.ratherNotWork(), t.version());
    }

    private static StoredRoom withOutOfService(StoredRoom room, Period period, @Nullable String reason) {
        var outOfService = new ArrayList<>(room.outOfService());
        outOfService.add(new StoredRoom.OutOfService(period.startsAt(), period.endsAt(), reason));
        return new StoredRoom(room.id(), room.name(), room.features(), outOfService, room.version());
    }

    /** The appointment, or 404 naming the field that carried its id. */
    private StoredAppointment appointment(String id, String field) {
        if (!Crud.isId(id)) {
            throw new NotFoundException("appointment", field, id);
        }
        return appointments.findById(id).orElseThrow(() -> new NotFoundException("appointment", field, id));
    }

    /**
     * The appointment as it is now, under its week's lock, at the version the desk read (when it says), and still in
     * the week that was locked (an edit may have moved its window since the week was looked up).
     */
    private StoredAppointment current(String id, @Nullable Integer version, LocalDate lockedWeek) {
        var appointment = appointment(id, "appointmentId");
        if (!appointment.weekStart().equals(lockedWeek)) {
            throw new ConflictException("appointmentId",
                    "The session moved to the week of %s meanwhile; read it again and retry.".formatted(
                            appointment.weekStart()), null);
        }
        if (version != null && !version.equals(appointment.version())) {
            throw new OptimisticLockingFailureException(
                    "The session changed since it was read (version %s, now %s).".formatted(version,
                            appointment.version()));
        }
        return appointment;
    }

    private void requireNotOver(StoredAppointment appointment, String field) {
        var end = appointment.isPlaced() ? appointment.startsAt().plusMinutes(appointment.durationMinutes())
                : appointment.windowEnd();
        if (appointment.state() == BookingState.DONE || appointment.state() == BookingState.IN_PROGRESS
                || !end.isAfter(now())) {
            throw new UnprocessableException(field, "(%s) is over or under way; the front desk changes only what is "
                    .formatted(appointment.id()) + "still to come");
        }
    }

    private String knownId(String id, String field, String what) {
        if (!Crud.isId(id) || !switch (what) {
            case "therapist" -> therapists.existsById(id);
            case "room" -> rooms.existsById(id);
            default -> false;
        }) {
            throw new UnprocessableException(field, "names no %s (%s)".formatted(what, id));
        }
        return id;
    }

    private LocalDateTime now() {
        var zone = spas.findById(Spa.ID).map(spa -> ZoneId.of(spa.timeZone())).orElse(ZoneId.systemDefault());
        return LocalDateTime.now(clock.withZone(zone));
    }

    /** The change log keeps 500 characters of a reason; a desk's long note is cut, not refused after the fact. */
    private static String fitted(String why) {
        return why.length() <= WHY_LENGTH ? why : why.substring(0, WHY_LENGTH - 1) + "…";
    }

    private static String because(@Nullable String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")";
    }
}
