package org.spascheduler.week;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.AppointmentRules;
import org.spascheduler.careplan.CarePlanRules;
import org.spascheduler.careplan.StoredCarePlan;
import org.spascheduler.client.ClientRules;
import org.spascheduler.common.FieldChecks.Lookup;
import org.spascheduler.room.RoomRules;
import org.spascheduler.spa.SpaRules;
import org.spascheduler.therapist.TherapistRules;
import org.spascheduler.treatment.StoredTreatment;
import org.spascheduler.treatment.TreatmentRules;
import org.spascheduler.web.FieldProblem;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * Judges a whole week document before anything of it is written: first the shape of every field (bean validation,
 * answered with 400), then, when the shape is right, whether it is possible (answered with 422): the rules of each
 * record (e.g. {@link AppointmentRules}), ids that appear twice, appointments outside the document's week. Every
 * problem is named by its JSON path in the document, so that one answer lists everything to fix.
 */
final class WeekDocumentChecks {

    /** The kinds of record in document order, and the kind and index that start a problem's path. */
    private static final List<String> KINDS = List.of("weekStart", "spa", "treatments", "therapists", "rooms",
            "clients", "carePlans", "appointments");
    private static final Pattern RECORD = Pattern.compile("^(\\w+)(?:\\[(\\d+)])?");

    private WeekDocumentChecks() {
    }

    /**
     * What is stored already, as far as references need it: a document may refer to records it does not carry.
     */
    record Stored(Set<String> treatmentIds, Set<String> therapistIds, Set<String> roomIds, Set<String> clientIds,
            Lookup<StoredCarePlan> carePlan, Lookup<StoredTreatment> treatment) {

        static final Stored NOTHING = new Stored(Set.of(), Set.of(), Set.of(), Set.of(), id -> null, id -> null);
    }

    /** Every field whose shape is wrong (a blank name, a negative duration, a missing list element), sorted by path. */
    static List<FieldProblem> shapeProblems(WeekDocument document, Validator validator) {
        return validator.validate(document).stream()
                .map(violation -> new FieldProblem(jsonPath(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field, PathOrder.INSTANCE)
                        .thenComparing(FieldProblem::reason))
                .toList();
    }

    /** Everything impossible in a document whose shape is right, in document order. */
    static List<FieldProblem> impossibilities(WeekDocument document, Stored stored) {
        var problems = new ArrayList<FieldProblem>();
        if (document.weekStart().getDayOfWeek() != DayOfWeek.MONDAY) {
            problems.add(new FieldProblem("weekStart", "(%s) is a %s; a week starts on a Monday"
                    .formatted(document.weekStart(), document.weekStart().getDayOfWeek())));
        }
        var treatments = byId(document.treatments(), t -> t.id(), "treatments", problems,
                (t, id) -> t.toStored(id, null));
        var therapists = byId(document.therapists(), t -> t.id(), "therapists", problems, (t, id) -> id);
        var rooms = byId(document.rooms(), r -> r.id(), "rooms", problems, (r, id) -> id);
        var clients = byId(document.clients(), c -> c.id(), "clients", problems, (c, id) -> id);
        var carePlans = byId(document.carePlans(), p -> p.id(), "carePlans", problems,
                (p, id) -> p.toStored(id, null));
        byId(document.appointments(), a -> a.id(), "appointments", problems, (a, id) -> id);

        Predicate<String> treatmentExists = id -> treatments.containsKey(id) || stored.treatmentIds().contains(id);
        Predicate<String> therapistExists = id -> therapists.containsKey(id) || stored.therapistIds().contains(id);
        Predicate<String> clientExists = id -> clients.containsKey(id) || stored.clientIds().contains(id);
        var known = new AppointmentRules.References(therapistExists,
                id -> rooms.containsKey(id) || stored.roomIds().contains(id), clientExists,
                id -> treatments.containsKey(id) ? treatments.get(id) : stored.treatment().find(id),
                id -> carePlans.containsKey(id) ? carePlans.get(id) : stored.carePlan().find(id));

        problems.addAll(SpaRules.check(document.spa().toStored(null), "spa."));
        forEach(document.treatments(), "treatments", (t, path) -> TreatmentRules.check(t.toStored(id(t.id()), null),
                path), problems);
        forEach(document.therapists(), "therapists", (t, path) -> TherapistRules.check(t.toStored(id(t.id()), null),
                path), problems);
        forEach(document.rooms(), "rooms", (r, path) -> RoomRules.check(r.toStored(id(r.id()), null), path),
                problems);
        forEach(document.clients(), "clients", (c, path) -> ClientRules.check(c.toStored(id(c.id()), null), path,
                therapistExists), problems);
        forEach(document.carePlans(), "carePlans", (p, path) -> CarePlanRules.check(p.toStored(id(p.id()), null),
                path, clientExists, treatmentExists), problems);
        forEach(document.appointments(), "appointments", (a, path) -> {
            var appointment = a.toStored(id(a.id()), null);
            var found = new ArrayList<>(AppointmentRules.check(appointment, path, known));
            if (!appointment.weekStart().equals(document.weekStart())) {
                found.add(new FieldProblem(path + "windowStart", "(%s) is not in the document's week (%s to %s)"
                        .formatted(a.windowStart(), document.weekStart(), document.weekStart().plusDays(6))));
            }
            return found;
        }, problems);
        // Repeated ids are found first; list every problem in the order of the document, record by record.
        problems.sort(Comparator.comparingInt(WeekDocumentChecks::kindRank)
                .thenComparingInt(WeekDocumentChecks::recordIndex));
        return problems;
    }

    private static int kindRank(FieldProblem problem) {
        var matcher = RECORD.matcher(problem.field());
        return matcher.find() ? KINDS.indexOf(matcher.group(1)) : KINDS.size();
    }

    private static int recordIndex(FieldProblem problem) {
        var matcher = RECORD.matcher(problem.field());
        return matcher.find() && matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : -1;
    }

    /** A record without an id gets one when written; for the checks, a placeholder no reference can name. */
    private static String id(@Nullable String id) {
        return id == null ? "" : id;
    }

    private interface Check<T> {
        List<FieldProblem> apply(T record, String path);
    }

    private static <T> void forEach(List<T> records, String kind, Check<T> check, List<FieldProblem> problems) {
        for (var index = 0; index < records.size(); index++) {
            problems.addAll(check.apply(records.get(index), kind + "[" + index + "]."));
        }
    }

    private interface Converter<T, V> {
        V apply(T record, String id);
    }

    /** The records of one kind by id (the first of each id), reporting every later record that repeats an id. */
    private static <T, V> Map<String, V> byId(List<T> records, Function<T, @Nullable String> idOf, String kind,
            List<FieldProblem> problems, Converter<T, V> converter) {
        var byId = new HashMap<String, V>();
        var firstIndex = new HashMap<String, Integer>();
        for (var index = 0; index < records.size(); index++) {
            var record = records.get(index);
            var id = idOf.apply(record);
            if (id == null) {
                continue;
            }
            var first = firstIndex.putIfAbsent(id, index);
            if (first != null) {
                problems.add(new FieldProblem(kind + "[" + index + "].id",
                        "(%s) repeats the id of %s[%d]; an id names one record".formatted(id, kind, first)));
            } else {
                byId.put(id, converter.apply(record, id));
            }
        }
        return byId;
    }

    /**
     * A violation's path as JSON names it, e.g. {@code therapists[2].shifts[0].endsAt}: the index of a list element
     * sits on the node after the list, and container elements ({@code <list element>}) have no name of their own.
     */
    static String jsonPath(Path path) {
        var text = new StringBuilder();
        for (var node : path) {
            if (node.getIndex() != null) {
                text.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                text.append('[').append(node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(node.getName());
            }
        }
        return text.isEmpty() ? "body" : text.toString();
    }

    /** Paths in document order: therapists[2] before therapists[10]. */
    private enum PathOrder implements Comparator<String> {
        INSTANCE;

        private static final Pattern PART = Pattern.compile("(\\d+)|(\\D+)");

        @Override
        public int compare(String left, String right) {
            var a = PART.matcher(left);
            var b = PART.matcher(right);
            while (a.find() && b.find()) {
                int order;
                if (a.group(1) != null && b.group(1) != null) {
                    order = Long.compare(Long.parseLong(a.group(1)), Long.parseLong(b.group(1)));
                } else {
                    order = a.group().compareTo(b.group());
                }
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(left.length(), right.length());
        }
    }
}
