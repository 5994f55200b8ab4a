package org.spascheduler.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.careplan.CarePlanRepository;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.room.RoomRepository;
import org.spascheduler.room.StoredRoom;
import org.spascheduler.spa.Spa;
import org.spascheduler.spa.SpaRepository;
import org.spascheduler.therapist.StoredTherapist;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.treatment.StoredTreatment;
import org.spascheduler.treatment.TreatmentRepository;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.UnprocessableException;
import org.spascheduler.weights.ConstraintWeightService;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads a week from the spa's books for the solver, and writes solved placements back. */
@Repository
class RosterWeekStore {

    private final SpaRepository spas;
    private final TreatmentRepository treatments;
    private final TherapistRepository therapists;
    private final RoomRepository rooms;
    private final ClientRepository clients;
    private final CarePlanRepository carePlans;
    private final AppointmentRepository appointments;
    private final ConstraintWeightService weights;

    RosterWeekStore(SpaRepository spas, TreatmentRepository treatments, TherapistRepository therapists,
            RoomRepository rooms, ClientRepository clients, CarePlanRepository carePlans,
            AppointmentRepository appointments, ConstraintWeightService weights) {
        this.spas = spas;
        this.treatments = treatments;
        this.therapists = therapists;
        this.rooms = rooms;
        this.clients = clients;
        this.carePlans = carePlans;
        this.appointments = appointments;
        this.weights = weights;
    }

    /** The week with everything its sessions refer to; 404 without a spa, 422 when the week has no sessions. */
    @Transactional(readOnly = true)
    StoredWeek load(LocalDate weekStart) {
        var week = loadEvenEmpty(weekStart);
        if (week.appointments().isEmpty()) {
            throw new UnprocessableException("weekStart",
                    "(%s) has no sessions to roster; book or import some first".formatted(weekStart));
        }
        return week;
    }

    /** The week as {@link #load} reads it, also when it has no sessions yet: the front desk books its first one. */
    @Transactional(readOnly = true)
    StoredWeek loadEvenEmpty(LocalDate weekStart) {
        return loadEvenEmpty(weekStart, spaRecords());
    }

    /**
     * What every week shares: the spa, its treatments, staff and rooms, and the manager's weights. Read once for
     * several weeks read in a row (a care plan's eight weeks), these are most of the cost of a week with few sessions.
     */
    public record SpaRecords(Spa spa, List<StoredTreatment> treatments, List<StoredTherapist> therapists,
            List<StoredRoom> rooms,
            Map<String, Long> constraintWeights) {
    }

    /** 404 without a spa. */
    @Transactional(readOnly = true)
    SpaRecords spaRecords() {
        var spa = spas.findById(Spa.ID)
                .orElseThrow(() -> new NotFoundException("spa (set it up with PUT /api/spa)", "spa", Spa.ID));
        return new SpaRecords(spa, treatments.findAll(), therapists.findAll(), rooms.findAll(), weights.overrides());
    }

    /** The week as {@link #loadEvenEmpty(LocalDate)} reads it, with the spa's records read before. */
    @Transactional(readOnly = true)
    StoredWeek loadEvenEmpty(LocalDate weekStart, SpaRecords records) {
        var weekAppointments = appointments.findByWeekStart(weekStart).stream()
                .filter(appointment -> appointment.state() != BookingState.CANCELLED)
                .sorted(java.util.Comparator.comparing(StoredAppointment::id))
                .toList();
        // Staff, rooms and treatments are the spa's whole; clients and care plans only those the week involves.
        var clientIds = weekAppointments.stream().map(StoredAppointment::clientId).collect(Collectors.toSet());
        var planIds = weekAppointments.stream().map(StoredAppointment::carePlanId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        var plans = carePlans.findAllById(planIds);
        var seriesIndexes = new HashMap<String, Integer>();
        var doneBeforeWeek = new HashMap<String, Integer>();
        for (var plan : plans) {
            // A series runs in the order of its sessions, across weeks: placed ones by their start, others by their
            // window (so a placed roster always reads in order); cancelled sessions do not count.
            var series = appointments.findByCarePlanId(plan.id()).stream()
                    .filter(appointment -> appointment.state() != BookingState.CANCELLED)
                    .sorted(java.util.Comparator
                            .comparing((StoredAppointment a) -> a.isPlaced() ? a.startsAt() : a.windowStart())
                            .thenComparing(StoredAppointment::windowStart).thenComparing(StoredAppointment::id))
                    .toList();
            var index = plan.sessionsDoneBefore();
            var before = 0;
            for (var appointment : series) {
                seriesIndexes.put(appointment.id(), index++);
                if (appointment.weekStart().isBefore(weekStart)) {
                    before++;
                }
            }
            doneBeforeWeek.put(plan.id(), before);
        }
        return new StoredWeek(weekStart, records.spa(), records.treatments(), records.therapists(), records.rooms(),
                clients.findAllWithPreferencesById(clientIds), plans, weekAppointments, seriesIndexes, doneBeforeWeek,
                records.constraintWeights());
    }

    /**
     * Writes the placements of sessions the solver may move (requested, or confirmed and released), skipping any
     * appointment changed by someone else since {@code expectedVersions} was read; updates those versions.
     *
     * @return how many appointments were skipped because someone else changed them
     */
    @Transactional
    int storePlacements(LocalDate weekStart, Iterable<WeekMapper.SolvedPlacement> placements,
            Map<String, Integer> expectedVersions) {
        var current = appointments.findByWeekStart(weekStart).stream()
                .collect(Collectors.toMap(StoredAppointment::id, Function.identity()));
        var changed = new ArrayList<StoredAppointment>();
        var skipped = 0;
        for (var solved : placements) {
            var stored = current.get(solved.appointmentId());
            if (stored == null || !stored.isMovable()) {
                continue;
            }
            if (!Objects.equals(stored.version(), expectedVersions.get(stored.id()))) {
                skipped++;
                continue;
            }
            var placement = solved.placement();
            if (stored.placement().equals(placement)) {
                continue;
            }
            changed.add(stored.withPlacement(placement.therapistId(), placement.roomId(), placement.startsAt()));
        }
        appointments.saveAll(changed).forEach(saved -> expectedVersions.put(saved.id(), saved.version()));
        return skipped;
    }

}
