package org.spascheduler.week;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.AppointmentJson;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.books.SpaBooks;
import org.spascheduler.books.WeekImport;
import org.spascheduler.careplan.CarePlanJson;
import org.spascheduler.careplan.CarePlanRepository;
import org.spascheduler.careplan.StoredCarePlan;
import org.spascheduler.client.ClientJson;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.room.RoomJson;
import org.spascheduler.room.RoomRepository;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.spa.Spa;
import org.spascheduler.spa.SpaJson;
import org.spascheduler.spa.SpaRepository;
import org.spascheduler.therapist.TherapistJson;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.treatment.StoredTreatment;
import org.spascheduler.treatment.TreatmentJson;
import org.spascheduler.treatment.TreatmentRepository;
import org.spascheduler.web.ConflictException;
import org.spascheduler.web.Ids;
import org.spascheduler.web.InvalidRequestException;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.UnprocessableException;
import org.springframework.data.repository.CrudRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolutionUpdatePolicy;
import jakarta.validation.Validator;

/** Exports, imports and lists weeks of the spa. */
@Service
public class WeekService {

    private final SpaRepository spas;
    private final TreatmentRepository treatments;
    private final TherapistRepository therapists;
    private final RoomRepository rooms;
    private final ClientRepository clients;
    private final CarePlanRepository carePlans;
    private final AppointmentRepository appointments;
    private final JdbcClient jdbc;
    private final Validator validator;
    private final PlanningWeeks planning;
    private final SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;
    private final SpaBooks books;
    private final ImportProperties limits;

    WeekService(SpaRepository spas, TreatmentRepository treatments, TherapistRepository therapists,
            RoomRepository rooms, ClientRepository clients, CarePlanRepository carePlans,
            AppointmentRepository appointments, JdbcClient jdbc, Validator validator, PlanningWeeks planning,
            SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager, SpaBooks books,
            ImportProperties limits) {
        this.spas = spas;
        this.treatments = treatments;
        this.therapists = therapists;
        this.rooms = rooms;
        this.clients = clients;
        this.carePlans = carePlans;
        this.appointments = appointments;
        this.jdbc = jdbc;
        this.validator = validator;
        this.planning = planning;
        this.solutionManager = solutionManager;
        this.books = books;
        this.limits = limits;
    }

    /**
     * The week with the spa's settings and everything its appointments may refer to: all treatments, therapists,
     * rooms, clients and care plans, sorted by id; an empty week of an existing spa is a document without
     * appointments.
     */
    @Transactional(readOnly = true)
    public WeekDocument export(LocalDate weekStart) {
        requireMonday(weekStart);
        var spa = spas.findById(Spa.ID).orElseThrow(() -> new NotFoundException("spa", "spa", Spa.ID));
        return new WeekDocument(weekStart, SpaJson.from(spa),
                sorted(treatments.findAll(), TreatmentJson::from, TreatmentJson::id),
                sorted(therapists.findAll(), TherapistJson::from, TherapistJson::id),
                sorted(rooms.findAll(), RoomJson::from, RoomJson::id),
                sorted(clients.findAll(), ClientJson::from, ClientJson::id),
                sorted(carePlans.findAll(), CarePlanJson::from, CarePlanJson::id),
                sorted(appointments.findByWeekStart(weekStart), AppointmentJson::from, AppointmentJson::id),
                weekVersion(weekStart));
    }

    /** As {@link #importWeek(WeekDocument, String)}, by the service itself (the demo load on a first start). */
    public WeekImportResult importWeek(WeekDocument document) {
        return importWeek(document, "spa-scheduler");
    }

    /**
     * Checks the whole document, then writes it in one transaction: a record whose id is stored replaces the stored
     * one (whatever version the document carries: an import is a deliberate overwrite), a new id is inserted, and
     * stored records the document leaves out stay as they are. Refused (409) when the document was exported before the
     * week's sessions last changed, and (422) when its promised sessions would break a hard rule. It goes through the
     * books' one write path: under the week's lock, recorded as one event of the week, taken in by a roster job
     * solving the week.
     *
     * @param actor who imports, for the week's event log
     * @throws InvalidRequestException listing every field of the wrong shape; nothing is written
     * @throws UnprocessableException listing everything impossible; nothing is written
     */
    public WeekImportResult importWeek(WeekDocument document, String actor) {
        var shape = WeekDocumentChecks.shapeProblems(document, validator);
        if (!shape.isEmpty()) {
            throw new InvalidRequestException(shape);
        }
        if (document.appointments().size() > limits.maxSessions()) {
            throw new UnprocessableException("appointments", ("has %d sessions, more than a week document may have "
                    + "(%d, spa.import.max-sessions)").formatted(document.appointments().size(), limits.maxSessions()));
        }
        return books.record(new WeekImport<>(document.weekStart(), () -> write(document),
                result -> "%d sessions imported (%d new, %d replaced)".formatted(document.appointments().size(),
                        result.inserted().appointments(), result.replaced().appointments())),
                actor).result();
    }

    /** Writes a document of the right shape and size, in the books' transaction, holding the week's lock. */
    private WeekImportResult write(WeekDocument document) {
        var impossible = WeekDocumentChecks.impossibilities(document, storedIds());
        if (!impossible.isEmpty()) {
            throw new UnprocessableException(impossible);
        }
        // A week with no sessions here takes any document: it is moving in from another database.
        var exportedAs = document.weekVersion();
        if (exportedAs != null && !appointments.findByWeekStart(document.weekStart()).isEmpty()
                && !exportedAs.equals(weekVersion(document.weekStart()))) {
            throw new ConflictException("weekVersion", ("The week's sessions changed since this document was exported "
                    + "(%s); importing it would undo those changes. Export the week again and edit that.")
                    .formatted(exportedAs), "/api/weeks/" + document.weekStart() + "/export");
        }

        var spaVersion = spas.findById(Spa.ID).map(Spa::version).orElse(null);
        spas.save(document.spa().toStored(spaVersion));
        var treatmentCount = upsert(treatments, "TREATMENT", "treatment", document.treatments(), TreatmentJson::id,
                TreatmentJson::toStored);
        var therapistCount = upsert(therapists, "THERAPIST", "therapist", document.therapists(), TherapistJson::id,
                TherapistJson::toStored);
        var roomCount = upsert(rooms, "ROOM", "room", document.rooms(), RoomJson::id, RoomJson::toStored);
        var clientCount = upsert(clients, "CLIENT", "client", document.clients(), ClientJson::id,
                ClientJson::toStored);
        var carePlanCount = upsert(carePlans, "CARE_PLAN", "care-plan", document.carePlans(), CarePlanJson::id,
                CarePlanJson::toStored);
        var appointmentCount = upsert(appointments, "APPOINTMENT", "appointment", document.appointments(),
                AppointmentJson::id, AppointmentJson::toStored);
        requirePromisedSessionsKeepHardRules(document.weekStart());
        return new WeekImportResult(document.weekStart(),
                new WeekImportResult.Counts(spaVersion == null ? 1 : 0, treatmentCount.inserted(),
                        therapistCount.inserted(), roomCount.inserted(), clientCount.inserted(),
                        carePlanCount.inserted(), appointmentCount.inserted()),
                new WeekImportResult.Counts(spaVersion == null ? 0 : 1, treatmentCount.replaced(),
                        therapistCount.replaced(), roomCount.replaced(), clientCount.replaced(),
                        carePlanCount.replaced(), appointmentCount.replaced()));
    }

    /**
     * The week's sessions as they stand now, in a few characters: it changes whenever any of them is written (added,
     * placed, moved, cancelled), so that an import can tell an export made before that.
     */
    String weekVersion(LocalDate weekStart) {
        var sessions = appointments.findByWeekStart(weekStart).stream()
                .sorted(Comparator.comparing(StoredAppointment::id))
                .map(appointment -> appointment.id() + ":" + appointment.version())
                .collect(Collectors.joining(","));
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(sessions.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }

    /**
     * An import may bring a draft roster (requested sessions, placed anyhow: a roster job sorts them out), but what it
     * promises (confirmed, started or done sessions, which no roster job moves) must keep every hard rule together
     * with what is promised already.
     */
    private void requirePromisedSessionsKeepHardRules(LocalDate weekStart) {
        var week = planning.storedEvenEmpty(weekStart);
        var promised = week.appointments().stream()
                .filter(appointment -> appointment.isPlaced() && !appointment.isMovable()).toList();
        if (promised.isEmpty()) {
            return;
        }
        var schedule = planning.solution(week.withAppointments(promised));
        // Scoring alone is cheap; only a week that breaks a rule is analysed, to name the rules.
        if (solutionManager.update(schedule, SolutionUpdatePolicy.UPDATE_SCORE_ONLY).hardScore() < 0) {
            var analysis = solutionManager.analyze(schedule, ScoreAnalysisFetchPolicy.FETCH_MATCH_COUNT);
            var broken = analysis.constraintMap().values().stream()
                    .filter(constraint -> constraint.score().hardScore() < 0)
                    .map(constraint -> "%s (%d)".formatted(constraint.constraintRef().constraintName(),
                            constraint.matchCount()))
                    .sorted().collect(Collectors.joining(", "));
            throw new UnprocessableException("appointments", ("promise sessions that break hard rules together (%s): a "
                    + "confirmed, started or done session cannot share its therapist, room or client's time, or be "
                    + "placed where the rules forbid; send such sessions as REQUESTED for a roster job to place")
                    .formatted(broken));
        }
    }

    /** The weeks that have appointments, earliest first. */
    @Transactional(readOnly = true)
    List<WeekSummary> weeks() {
        return jdbc.sql("""
                SELECT week_start, COUNT(*) AS appointments,
                       SUM(CASE WHEN state = 'REQUESTED' THEN 1 ELSE 0 END) AS requested,
                       SUM(CASE WHEN state = 'CONFIRMED' THEN 1 ELSE 0 END) AS confirmed,
                       SUM(CASE WHEN state <> 'CANCELLED' AND therapist_id IS NOT NULL AND room_id IS NOT NULL
                                AND starts_at IS NOT NULL THEN 1 ELSE 0 END) AS placed
                FROM appointment
                GROUP BY week_start
                ORDER BY week_start
                """)
                .query((row, index) -> new WeekSummary(row.getObject("week_start", LocalDate.class),
                        row.getInt("appointments"), row.getInt("requested"), row.getInt("confirmed"),
                        row.getInt("placed")))
                .list();
    }

    /** Whether the database holds neither a spa nor an appointment: a first start. */
    @Transactional(readOnly = true)
    boolean isEmpty() {
        return spas.count() == 0 && appointments.count() == 0;
    }

    static void requireMonday(LocalDate weekStart) {
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new InvalidRequestException("weekStart", "(%s) is a %s; a week starts on a Monday"
                    .formatted(weekStart, weekStart.getDayOfWeek()));
        }
    }

    private WeekDocumentChecks.Stored storedIds() {
        // Few records refer to a stored plan or treatment the document leaves out: read those one by one, once.
        var treatmentCache = new HashMap<String, Optional<StoredTreatment>>();
        var carePlanCache = new HashMap<String, Optional<StoredCarePlan>>();
        return new WeekDocumentChecks.Stored(ids("TREATMENT"), ids("THERAPIST"), ids("ROOM"), ids("CLIENT"),
                id -> carePlanCache.computeIfAbsent(id, carePlans::findById).orElse(null),
                id -> treatmentCache.computeIfAbsent(id, treatments::findById).orElse(null));
    }

    // Table names come from this class only, never from a request.
    private Set<String> ids(String table) {
        return new HashSet<>(jdbc.sql("SELECT id FROM " + table).query(String.class).list());
    }

    private Map<String, Integer> versions(String table) {
        var versions = new HashMap<String, Integer>();
        jdbc.sql("SELECT id, version FROM " + table)
                .query(row -> {
                    versions.put(row.getString("id"), row.getInt("version"));
                });
        return versions;
    }

    private record Written(int inserted, int replaced) {
    }

    private interface ToStored<J, S> {
        S toStored(J json, String id, @Nullable Integer version);
    }

    private <J, S> Written upsert(CrudRepository<S, String> repository, String table, String idPrefix, List<J> records,
            Function<J, @Nullable String> idOf, ToStored<J, S> toStored) {
        var versions = versions(table);
        var inserted = 0;
        var stored = new ArrayList<S>(records.size());
        for (var record : records) {
            var id = idOf.apply(record);
            // The stored version, not the document's: the import replaces the record whatever version it was read at.
            var version = id == null ? null : versions.get(id);
            if (version == null) {
                inserted++;
            }
            stored.add(toStored.toStored(record, id == null ? Ids.generate(idPrefix) : id, version));
        }
        repository.saveAll(stored);
        return new Written(inserted, records.size() - inserted);
    }

    private static <S, J> List<J> sorted(List<S> stored, Function<S, J> toJson, Function<J, @Nullable String> idOf) {
        return stored.stream().map(toJson)
                .sorted(Comparator.comparing(json -> String.valueOf(idOf.apply(json))))
                .toList();
    }
}
