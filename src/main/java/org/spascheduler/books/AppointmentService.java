package org.spascheduler.books;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.AppointmentJson;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.web.Crud;
import org.spascheduler.web.InvalidRequestException;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.PageJson;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads appointments, and writes them through the books' one write path ({@link SpaBooks}): each write is checked,
 * recorded as an event and followed by a repair, whole or not at all.
 */
@Service
class AppointmentService {

    private final AppointmentRepository appointments;
    private final SpaBooks books;
    private final JdbcAggregateOperations aggregates;

    AppointmentService(AppointmentRepository appointments, SpaBooks books, JdbcAggregateOperations aggregates) {
        this.appointments = appointments;
        this.books = books;
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

    /**
     * A session asked for, through the books' one write path (the repair that follows places it if it fits). What the
     * server owns (its state, place, what was published, its version, its plan) is not the caller's to set: 400 names
     * the first field given.
     */
    AppointmentJson create(AppointmentJson json, String actor) {
        requireNoServerOwnedField(json, null);
        return AppointmentJson.from(books.record(new SessionRequest(json.id(), json.clientId(), json.treatmentId(),
                json.durationMinutes(), json.windowStart(), json.windowEnd(), null, AppointmentController.PATH),
                actor).result());
    }

    /**
     * Edits what was asked for (client, treatment, length, window) through the books' one write path. The server-owned
     * fields may be sent back as read (so a read, edited and sent back record is accepted) but not changed: 400 names
     * the field. The one state change accepted is an IN_PROGRESS session ending: DONE with nothing else changed.
     */
    AppointmentJson update(String id, AppointmentJson json, String actor) {
        var version = Crud.requireUpdatable(id, json.id(), json.version());
        var current = find(id);
        Crud.requireCurrent(version, current.version());
        var ends = current.state() == BookingState.IN_PROGRESS && json.state() == BookingState.DONE;
        requireNoServerOwnedField(json, ends ? current.withState(BookingState.DONE, current.released()) : current);
        books.record(new SessionEdit(id, version, json.clientId(), json.treatmentId(), json.durationMinutes(),
                json.windowStart(), json.windowEnd(), json.state()), actor);
        return AppointmentJson.from(find(id));
    }

    /** Deletes through the books' one write path: recorded, the week repaired. 409 for one that has begun. */
    void delete(String id, @Nullable Integer version, String actor) {
        find(id);
        books.record(new SessionRemoval(id, version), actor);
    }

    /**
     * 400 naming the first server-owned field the caller set: on create, any (state may only say REQUESTED); on update,
     * any that differs from the stored session.
     */
    private static void requireNoServerOwnedField(AppointmentJson json, @Nullable StoredAppointment stored) {
        var owned = new LinkedHashMap<String, Object[]>();
        owned.put("state", new Object[] { json.state(), stored == null ? BookingState.REQUESTED : stored.state() });
        owned.put("released", new Object[] { json.released(), stored != null && stored.released() });
        owned.put("carePlanId", new Object[] { json.carePlanId(), stored == null ? null : stored.carePlanId() });
        owned.put("therapistId", new Object[] { json.therapistId(), stored == null ? null : stored.therapistId() });
        owned.put("roomId", new Object[] { json.roomId(), stored == null ? null : stored.roomId() });
        owned.put("startsAt", new Object[] { json.startsAt(), stored == null ? null : stored.startsAt() });
        owned.put("publishedTherapistId",
                new Object[] { json.publishedTherapistId(), stored == null ? null : stored.publishedTherapistId() });
        owned.put("publishedRoomId",
                new Object[] { json.publishedRoomId(), stored == null ? null : stored.publishedRoomId() });
        owned.put("publishedStartsAt",
                new Object[] { json.publishedStartsAt(), stored == null ? null : stored.publishedStartsAt() });
        if (stored == null) {
            owned.put("version", new Object[] { json.version(), null });
        }
        owned.forEach((field, given) -> {
            if (!Objects.equals(given[0], given[1])) {
                throw new InvalidRequestException(field, "is the server's to set (%s); %s".formatted(given[0],
                        stored == null ? "leave it out: a new session is REQUESTED, and the roster, the front desk's "
                                + "events and bookings place it"
                                : "send it as read (%s), or use the front desk's events to move, release or cancel "
                                        .formatted(given[1]) + "a session"));
            }
        });
    }

    private StoredAppointment find(String id) {
        if (!Crud.isId(id)) {
            throw new NotFoundException("appointment", "id", id);
        }
        return appointments.findById(id).orElseThrow(() -> new NotFoundException("appointment", "id", id));
    }
}
