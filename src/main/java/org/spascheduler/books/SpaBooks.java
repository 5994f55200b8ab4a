package org.spascheduler.books;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.Placement;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.planning.WeekLocks;
import org.spascheduler.roster.RosterJobService;
import org.spascheduler.roster.RosterRepair;
import org.spascheduler.roster.WeekRepairs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one write path for a session's place or state. Every {@link BookChange}, whoever makes it, goes the same way:
 * <ol>
 * <li>the locks of the weeks it writes to, earliest first (so two changes never wait on each other);</li>
 * <li>in one transaction: the change checks itself against the books as they are now and writes itself; each session
 * it placed is checked against the hard rules of its week as written ({@link HardRulesGuard}); the event is recorded
 * with who, when and why. A refusal anywhere rolls all of it back;</li>
 * <li>then, per week, a roster job solving it takes the change in, or the roster is repaired around it, and the event
 * records every session that changed, so that the desk knows whom to call.</li>
 * </ol>
 */
@Service
public class SpaBooks {

    private static final int WHY_LENGTH = 500;

    private static final Logger LOGGER = LoggerFactory.getLogger(SpaBooks.class);

    private final BooksAccess access;
    private final HardRulesGuard guard;
    private final WeekLocks locks;
    private final TransactionTemplate transaction;
    private final WeekRepairs repairs;
    private final RosterJobService jobs;
    private final BooksEventRepository events;
    private final BooksEvents views;
    private final AppointmentRepository appointments;
    private final Clock clock;

    SpaBooks(BooksAccess access, HardRulesGuard guard, WeekLocks locks, TransactionTemplate transaction,
            WeekRepairs repairs, RosterJobService jobs, BooksEventRepository events, BooksEvents views,
            AppointmentRepository appointments, Clock clock) {
        this.access = access;
        this.guard = guard;
        this.locks = locks;
        this.transaction = transaction;
        this.repairs = repairs;
        this.jobs = jobs;
        this.events = events;
        this.views = views;
        this.appointments = appointments;
        this.clock = clock;
    }

    /**
     * What a change recorded: one event per week it wrote to (most changes write to one), and what the change gives
     * back.
     */
    public record Recorded<R>(List<EventViews.EventView> events, R result) {

        /** The event of a change to one week. */
        public EventViews.EventView event() {
            return events.get(0);
        }
    }

    /**
     * Checks, writes and records the change, then repairs its weeks or hands it to the roster job solving them.
     *
     * @param actor who makes it: the signed-in account, never a field the caller writes
     * @throws org.spascheduler.planning.WeekBusyException when a week stayed busy with other changes too long
     */
    public <R> Recorded<R> record(BookChange<R> change, String actor) {
        var weeks = change.weeks(access);
        var started = System.nanoTime();
        var written = withLocks(List.copyOf(weeks), () -> write(change, actor, weeks));
        var writtenAt = System.nanoTime();
        var recorded = new ArrayList<EventViews.EventView>();
        for (var week : written.weeks()) {
            recorded.add(week.view() != null ? week.view() : repaired(week, written.written().causes()));
        }
        LOGGER.debug("{} on {} took {} ms, {} ms of them holding the week", change.kind(), weeks,
                RosterRepair.millis(started, System.nanoTime()), RosterRepair.millis(started, writtenAt));
        return new Recorded<>(recorded, written.written().result());
    }

    /** What a change wrote, and per week the event, answered already when no repair is to follow. */
    private record Committed<R>(Written<R> written, List<WeekAfter> weeks) {
    }

    /**
     * A week after the change: its event, the week before the change, and either the event's answer (a roster job
     * took the change in, or there is nothing to repair) or, when {@code view} is null, a repair to do.
     */
    private record WeekAfter(BooksEvent event, List<StoredAppointment> before, EventViews.@Nullable EventView view) {
    }

    /**
     * Under the weeks' locks: checks and writes the change with its events in one transaction, then hands it to the
     * roster job solving each week. The repair, which takes longest, runs after the locks are let go.
     */
    private <R> Committed<R> write(BookChange<R> change, String actor, SortedSet<LocalDate> weeks) {
        var before = new HashMap<LocalDate, List<StoredAppointment>>();
        weeks.forEach(week -> before.put(week, appointments.findByWeekStart(week)));
        var committed = transaction.execute(status -> {
            var written = change.apply(access, weeks, actor);
            var placedWeeks = appointments.findAllById(written.placed()).stream()
                    .collect(Collectors.groupingBy(StoredAppointment::weekStart,
                            Collectors.mapping(StoredAppointment::id, Collectors.toSet())));
            var recorded = new ArrayList<BooksEvent>();
            for (var week : weeks) {
                var placed = placedWeeks.getOrDefault(week, Set.of());
                // Without the spa's settings there is no week to check a place against (nor to book one in).
                var score = placed.isEmpty() || !access.hasSpa() ? null
                        : guard.requireNoneBroken(week, placed, change.placementField(),
                                change.namesBrokenRules()).toString();
                var subject = written.subject();
                recorded.add(events.save(new BooksEvent(null, week, change.kind(), actor,
                        written.reason() == null ? null : fitted(written.reason()), clock.instant(),
                        subject.appointmentId(), subject.therapistId(), subject.roomId(), subject.startsAt(),
                        subject.endsAt(), subject.late(), score, List.of(), null)));
            }
            return new Committed<>(written, recorded.stream()
                    .map(event -> new WeekAfter(event, before.get(event.weekStart()), null)).toList());
        });
        var causes = committed.written().causes();
        var weeksAfter = new ArrayList<WeekAfter>();
        for (var week : committed.weeks()) {
            weeksAfter.add(new WeekAfter(week.event(), week.before(), handedOver(change, week, causes)));
        }
        return new Committed<>(committed.written(), weeksAfter);
    }

    /**
     * The event's answer when the week needs no repair: a roster job solving it took the change in, or the change
     * booked what keeps every rule and no job ended without it, or the week has nothing to roster. Null when the
     * week is to be repaired.
     */
    private EventViews.@Nullable EventView handedOver(BookChange<?> change, WeekAfter week,
            Map<String, String> causes) {
        var weekStart = week.event().weekStart();
        var solving = jobs.solvingJobLocation(weekStart);
        var jobTookIt = jobs.booksChanged(weekStart);
        if (jobTookIt == RosterJobService.BooksChange.APPLIED) {
            return views.view(withChanges(week.event(), takenByJob(week.event(), week.before(), causes, solving),
                    week.event().score()));
        }
        var hasSessions = access.hasSpa() && appointments.findByWeekStart(weekStart).stream()
                .anyMatch(appointment -> appointment.state() != BookingState.CANCELLED);
        if ((change.repairs() || jobTookIt == RosterJobService.BooksChange.JOB_ENDED) && hasSessions) {
            return null;
        }
        return views.view(withChanges(week.event(), directChanges(week.before(), causes, List.of()),
                week.event().score()));
    }

    /**
     * Repairs the week around the change, without holding its lock while it solves, and records on the event every
     * session the repair changed and those the change itself changed.
     */
    private EventViews.EventView repaired(WeekAfter week, Map<String, String> causes) {
        var concernedBefore = new HashMap<String, Placement>();
        var before = byId(week.before());
        causes.keySet().forEach(id -> concernedBefore.put(id,
                before.containsKey(id) ? before.get(id).placement() : Placement.NONE));
        var repaired = repairs.after(week.event().weekStart(), concernedBefore);
        var outcome = repaired.outcome();
        var promisedBefore = week.before().stream().filter(SpaBooks::promised).map(StoredAppointment::id)
                .collect(Collectors.toSet());
        var changes = new ArrayList<BooksEvent.Change>();
        for (var moved : outcome.changed()) {
            var appointment = moved.appointment();
            if (!repaired.ranIt() && !causes.containsKey(appointment.id())) {
                // Repaired together with other changes: the one that ran the repair reports the rest, once.
                continue;
            }
            var why = causes.getOrDefault(appointment.id(), !moved.before().isPlaced() ? "placed from the waitlist"
                    : !moved.after().isPlaced() ? "lost its place in the repair" : "moved to make room");
            changes.add(change(appointment, moved.before(), moved.after(), moved.after().isPlaced(),
                    promisedBefore.contains(appointment.id()), why));
        }
        changes.addAll(directChanges(week.before(), causes, changes));
        return views.view(withChanges(week.event(), changes, outcome.score()));
    }

    /**
     * The sessions the change itself placed, moved or removed that the repair did not report (it reports what it moved;
     * a booking left as written, or a session deleted, it never saw).
     */
    private List<BooksEvent.Change> directChanges(List<StoredAppointment> weekBefore, Map<String, String> causes,
            List<BooksEvent.Change> reported) {
        var before = byId(weekBefore);
        var reportedIds = reported.stream().map(BooksEvent.Change::appointmentId).collect(Collectors.toSet());
        var now = byId(appointments.findAllById(causes.keySet()));
        var direct = new ArrayList<BooksEvent.Change>();
        for (var entry : causes.entrySet()) {
            var id = entry.getKey();
            var was = before.get(id);
            var is = now.get(id);
            var from = was == null ? Placement.NONE : was.placement();
            var to = is == null || is.state() == BookingState.CANCELLED ? Placement.NONE : is.placement();
            if (reportedIds.contains(id) || from.equals(to) || is != null && is.state() == BookingState.CANCELLED) {
                continue;
            }
            direct.add(change(is != null ? is : was, from, to, to.isPlaced(), was != null && promised(was),
                    entry.getValue()));
        }
        return direct;
    }

    /**
     * What a change did when the roster job solving its week took it over: the sessions it freed lost their place for
     * now, and the job places them again as it goes on (the week's roster shows where); what it pinned stays.
     */
    private List<BooksEvent.Change> takenByJob(BooksEvent event, List<StoredAppointment> weekBefore,
            Map<String, String> causes, @Nullable String job) {
        var before = byId(weekBefore);
        var concerned = new java.util.LinkedHashSet<>(causes.keySet());
        if (event.appointmentId() != null && event.kind() != BooksEventKind.CANCELLATION) {
            // A cancelled session is not a change to tell anyone about: its client cancelled it.
            concerned.add(event.appointmentId());
        }
        var changes = new ArrayList<BooksEvent.Change>();
        for (var id : concerned) {
            var now = appointments.findById(id).orElse(null);
            var was = before.get(id);
            var session = now != null ? now : was;
            if (session == null) {
                continue;
            }
            var kept = now != null && now.isPlaced() && !now.isMovable();
            var why = causes.getOrDefault(id, event.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    + (kept || now == null ? "" : "; the roster job solving the week (%s) places it".formatted(job));
            changes.add(change(session, was == null ? Placement.NONE : was.placement(),
                    kept ? now.placement() : Placement.NONE, kept, was != null && promised(was), why));
        }
        return changes;
    }

    private static BooksEvent.Change change(StoredAppointment session, Placement from, Placement to, boolean kept,
            boolean promised, String why) {
        return new BooksEvent.Change(session.id(), session.clientId(), session.treatmentId(), from.therapistId(),
                from.roomId(), from.startsAt(), to.therapistId(), to.roomId(), to.startsAt(), kept, promised,
                fitted(why));
    }

    private BooksEvent withChanges(BooksEvent event, List<BooksEvent.Change> changes, @Nullable String score) {
        var stored = events.findById(event.id()).orElseThrow();
        return events.save(new BooksEvent(stored.id(), stored.weekStart(), stored.kind(), stored.actor(),
                stored.reason(), stored.recordedAt(), stored.appointmentId(), stored.therapistId(), stored.roomId(),
                stored.startsAt(), stored.endsAt(), stored.late(), score, changes, stored.version()));
    }

    /** The client had been told a time. */
    private static boolean promised(StoredAppointment appointment) {
        return appointment.publishedStartsAt() != null && appointment.state() != BookingState.REQUESTED;
    }

    private static Map<String, Placement> placements(List<StoredAppointment> week) {
        return week.stream().collect(Collectors.toMap(StoredAppointment::id, StoredAppointment::placement));
    }

    private static Map<String, StoredAppointment> byId(List<StoredAppointment> appointments) {
        return appointments.stream().collect(Collectors.toMap(StoredAppointment::id, Function.identity()));
    }

    /** Takes the weeks' locks in the order given (earliest first), one inside the other. */
    private <T> T withLocks(List<LocalDate> weeks, Supplier<T> action) {
        if (weeks.isEmpty()) {
            return action.get();
        }
        return locks.withWeek(weeks.get(0), () -> withLocks(weeks.subList(1, weeks.size()), action));
    }

    /** The change log keeps 500 characters of a reason; a desk's long note is cut, not refused after the fact. */
    private static String fitted(String why) {
        return why.length() <= WHY_LENGTH ? why : why.substring(0, WHY_LENGTH - 1) + "…";
    }
}
