package org.spascheduler.books;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.booking.StoredReferences;
import org.spascheduler.careplan.CarePlanRepository;
import org.spascheduler.common.FieldChecks;
import org.spascheduler.common.Weeks;
import org.spascheduler.room.RoomRepository;
import org.spascheduler.spa.Spa;
import org.spascheduler.spa.SpaRepository;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.web.ConflictException;
import org.spascheduler.web.Crud;
import org.spascheduler.web.FieldProblem;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.UnprocessableException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/** What a {@link BookChange} reads and writes the books with, and the checks several kinds share. */
@Component
final class BooksAccess {

    final AppointmentRepository appointments;
    final TherapistRepository therapists;
    final RoomRepository rooms;
    final CarePlanRepository carePlans;
    final StoredReferences references;
    private final SpaRepository spas;
    private final Clock clock;

    BooksAccess(AppointmentRepository appointments, TherapistRepository therapists, RoomRepository rooms,
            CarePlanRepository carePlans, StoredReferences references, SpaRepository spas, Clock clock) {
        this.appointments = appointments;
        this.therapists = therapists;
        this.rooms = rooms;
        this.carePlans = carePlans;
        this.references = references;
        this.spas = spas;
        this.clock = clock;
    }

    /** The appointment, or 404 naming the field that carried its id. */
    StoredAppointment appointment(String id, String field) {
        if (!Crud.isId(id)) {
            throw new NotFoundException("appointment", field, id);
        }
        return appointments.findById(id).orElseThrow(() -> new NotFoundException("appointment", field, id));
    }

    /**
     * The appointment as it is now, under its week's lock, at the version the caller read (when it says), and still in
     * the week that was locked (an edit may have moved its window since the week was looked up).
     */
    StoredAppointment current(String id, String field, @Nullable Integer version, Set<LocalDate> lockedWeeks) {
        var appointment = appointment(id, field);
        if (!lockedWeeks.contains(appointment.weekStart())) {
            throw new ConflictException(field,
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

    /** 422 for a session that is over or under way: the books change only what is still to come. */
    void requireNotOver(StoredAppointment appointment, String field) {
        var end = appointment.isPlaced() ? appointment.startsAt().plusMinutes(appointment.durationMinutes())
                : appointment.windowEnd();
        if (appointment.state() == BookingState.DONE || appointment.state() == BookingState.IN_PROGRESS
                || !end.isAfter(now())) {
            throw new UnprocessableException(field, "(%s) is over or under way; only what is still to come changes"
                    .formatted(appointment.id()));
        }
    }

    /** 422 unless a therapist or a room of that id is stored. */
    String knownId(String id, String field, String what) {
        if (!Crud.isId(id) || !switch (what) {
            case "therapist" -> therapists.existsById(id);
            case "room" -> rooms.existsById(id);
            default -> false;
        }) {
            throw new UnprocessableException(field, "names no %s (%s)".formatted(what, id));
        }
        return id;
    }

    /** A period of one week, not over yet. */
    record Period(LocalDate weekStart, LocalDateTime startsAt, LocalDateTime endsAt) {
    }

    Period period(LocalDateTime startsAt, LocalDateTime endsAt) {
        var problems = new ArrayList<>(FieldChecks.checkPlausible(
                new TreeMap<>(Map.of("endsAt", endsAt, "startsAt", startsAt))));
        Crud.requirePossible(problems);
        if (!endsAt.isAfter(startsAt)) {
            problems.add(new FieldProblem("endsAt", "(%s) is not after startsAt (%s)".formatted(endsAt, startsAt)));
        } else if (!endsAt.isAfter(now())) {
            problems.add(new FieldProblem("endsAt", "(%s) is in the past".formatted(endsAt)));
        } else if (!Weeks.weekStartOf(startsAt).equals(Weeks.weekStartOf(endsAt.minusMinutes(1)))) {
            problems.add(new FieldProblem("endsAt",
                    "(%s) is in a later week than startsAt; record one event per week".formatted(endsAt)));
        }
        Crud.requirePossible(problems);
        return new Period(Weeks.weekStartOf(startsAt), startsAt, endsAt);
    }

    /** Placed sessions still to come that overlap the period and match: they must move. */
    List<StoredAppointment> sessionsDuring(Period period, Predicate<StoredAppointment> concerned) {
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

    /**
     * Releases the sessions still to come that a therapist's or a room's unavailable period concerns, and says why
     * each must move: what a sick call and a closed room share.
     */
    Written<Void> releasedDuring(Period period, Predicate<StoredAppointment> concerned, String why,
            Written.Subject subject, @Nullable String reason) {
        var affected = sessionsDuring(period, concerned);
        release(affected);
        return new Written<>(subject, reason, affected.stream().collect(Collectors.toMap(StoredAppointment::id,
                session -> why)), Set.of(), null);
    }

    /** Lets confirmed sessions move in the repair; requested ones may move anyway. */
    void release(List<StoredAppointment> affected) {
        appointments.saveAll(affected.stream().filter(appointment -> appointment.state() == BookingState.CONFIRMED)
                .map(appointment -> appointments.findById(appointment.id()).orElseThrow()
                        .withState(BookingState.CONFIRMED, true))
                .toList());
    }

    /** Whether the spa is set up: without it there is no roster to repair, only records. */
    boolean hasSpa() {
        return spas.existsById(Spa.ID);
    }

    /** The spa's local time now. */
    LocalDateTime now() {
        var zone = spas.findById(Spa.ID).map(spa -> ZoneId.of(spa.timeZone())).orElse(ZoneId.systemDefault());
        return LocalDateTime.now(clock.withZone(zone));
    }

    static SortedSet<LocalDate> only(LocalDate week) {
        return new TreeSet<>(Set.of(week));
    }

    static String because(@Nullable String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")";
    }
}
