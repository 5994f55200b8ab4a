package org.spascheduler.booking;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.spascheduler.web.ConflictException;
import org.spascheduler.web.Crud;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.PageJson;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes appointments; each write checks the data rules first and happens whole or not at all. */
@Service
@Transactional
class AppointmentService {

    /** Sessions that have begun are history: what happened is not edited after the fact. */
    private static final Set<BookingState> HISTORY = Set.of(BookingState.IN_PROGRESS, BookingState.DONE);

    private final AppointmentRepository appointments;
    private final StoredReferences references;
    private final JdbcAggregateOperations aggregates;

    AppointmentService(AppointmentRepository appointments, StoredReferences references,
            JdbcAggregateOperations aggregates) {
        this.appointments = appointments;
        this.references = references;
        this.aggregates = aggregates;
    }

    /** Each filter left null matches every appointment; those given must all match. */
    record Filter(@Nullable LocalDate week, @Nullable String therapistId, @Nullable String roomId,
            @Nullable String clientId, @Nullable BookingState state) {
    }

    @Transactional(readOnly = true)
    PageJson<AppointmentJson> list(Filter filter, Pageable page) {
        var criteria = Criteria.empty();
        if (filter.week() != null) {
            criteria = criteria.and("weekStart").is(filter.week());
        }
        if (filter.therapistId() != null) {
            criteria = criteria.and("therapistId").is(filter.therapistId());
        }
        if (filter.roomId() != null) {
            criteria = criteria.and("roomId").is(filter.roomId());
        }
        if (filter.clientId() != null) {
            criteria = criteria.and("clientId").is(filter.clientId());
        }
        if (filter.state() != null) {
            criteria = criteria.and("state").is(filter.state().name());
        }
        return PageJson.of(aggregates.findAll(Query.query(criteria), StoredAppointment.class, page),
                AppointmentJson::from);
    }

    @Transactional(readOnly = true)
    AppointmentJson get(String id) {
        return AppointmentJson.from(find(id));
    }

    AppointmentJson create(AppointmentJson json) {
        var appointment = json.toStored(Crud.idForCreate(json.id(), "appointment"), null);
        Crud.requirePossible(AppointmentRules.check(appointment, "", references.references()));
        if (appointments.existsById(appointment.id())) {
            throw Crud.alreadyExists("appointment", appointment.id(),
                    AppointmentController.PATH + "/" + appointment.id());
        }
        return AppointmentJson.from(appointments.save(appointment));
    }

    /**
     * An appointment IN_PROGRESS or DONE keeps what it records: the only accepted updates are one that changes nothing
     * (a client may safely repeat a PUT) and IN_PROGRESS becoming DONE with nothing else changed (how a session ends).
     * Anything richer (a correction of history, say) would need its own rules; until then it is a 409.
     */
    AppointmentJson update(String id, AppointmentJson json) {
        var version = Crud.requireUpdatable(id, json.id(), json.version());
        var current = find(id);
        Crud.requireCurrent(version, current.version());
        var appointment = json.toStored(id, version);
        if (HISTORY.contains(current.state()) && !current.equals(appointment) && !ends(current, appointment)) {
            throw new ConflictException("state",
                    ("Appointment (%s) is %s: what has begun is history and cannot be changed; "
                    + "only IN_PROGRESS may become DONE, with nothing else changed.").formatted(id, current.state()),
                    null);
        }
        Crud.requirePossible(AppointmentRules.check(appointment, "", references.references()));
        return AppointmentJson.from(appointments.save(appointment));
    }

    /** Refused (409) for one IN_PROGRESS or DONE: that is history, which a care plan's count relies on. */
    void delete(String id, @Nullable Integer version) {
        var current = find(id);
        Crud.requireCurrent(version, current.version());
        if (HISTORY.contains(current.state())) {
            throw new ConflictException("state",
                    "Appointment (%s) is %s: what has begun is history and cannot be deleted.".formatted(id,
                            current.state()),
                    null);
        }
        appointments.deleteById(id);
    }

    private static boolean ends(StoredAppointment current, StoredAppointment changed) {
        return current.state() == BookingState.IN_PROGRESS && changed.state() == BookingState.DONE
                && withState(current, BookingState.DONE).equals(changed);
    }

    private static StoredAppointment withState(StoredAppointment a, BookingState state) {
        return a.withState(state, a.released());
    }

    private StoredAppointment find(String id) {
        if (!Crud.isId(id)) {
            throw new NotFoundException("appointment", "id", id);
        }
        return appointments.findById(id).orElseThrow(() -> new NotFoundException("appointment", "id", id));
    }
}
