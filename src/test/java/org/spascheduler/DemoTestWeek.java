package org.spascheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.week.DemoWeekDocuments;
import org.spascheduler.week.WeekDocument;
import org.spascheduler.week.WeekService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A full week for the Spring tests to work in: a demo week (MEDIUM unless a test needs another size), generated for a
 * Monday of the test's own, placed as its hidden roster and imported as a week document, over HTTP or through the
 * service.
 * <p>
 * The Spring tests share one in-memory database, and the demo's appointment and care plan ids repeat in every demo
 * week: each test class takes Mondays no other class uses, and an id prefix where its weeks must live side by side
 * with another class's.
 */
public final class DemoTestWeek {

    /** What the import makes of the week's sessions. */
    public enum Bookings {
        /** As the demo generates them. */
        AS_GENERATED,
        /** Every placed session confirmed and published where it is: a published week. */
        ALL_CONFIRMED,
        /** Every other placed session confirmed and published where it is; the rest requests with no place. */
        EVERY_OTHER_CONFIRMED
    }

    /** Weeks imported once for all the test classes of one JVM (the in-memory database outlives a Spring context). */
    private static final Set<String> IMPORTED_ONCE = ConcurrentHashMap.newKeySet();

    private final LocalDate monday;
    private final SpaSchedule planning;

    public DemoTestWeek(LocalDate monday) {
        this(DemoSize.MEDIUM, monday);
    }

    public DemoTestWeek(DemoSize size, LocalDate monday) {
        this.monday = monday;
        this.planning = DemoSpaGenerator.generateWithHiddenRoster(size, DemoSpaGenerator.DEFAULT_SEED, monday);
    }

    public LocalDate monday() {
        return monday;
    }

    /** The week as generated: its clients, treatments and therapists for the test to pick from. */
    public SpaSchedule planning() {
        return planning;
    }

    /** Sets the spa's clock to 09:00 on the Friday before the week, when the whole week is still ahead. */
    public void clockOnFridayBefore(SettableClock clock) {
        clockAt(clock, monday.minusDays(3).atTime(9, 0));
    }

    public static void clockAt(SettableClock clock, LocalDateTime now) {
        clock.set(Clock.fixed(now.toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    /** Imports the week through the service, with the demo's ids. */
    public void importWith(WeekService weeks, JsonMapper json, Bookings bookings) {
        weeks.importWeek(json.treeToValue(document(json, bookings, ""), WeekDocument.class));
    }

    /** Imports the week over HTTP ({@code POST /api/weeks/import}); its appointments and care plans get the prefix. */
    public void importOverHttp(RestClient http, JsonMapper json, Bookings bookings, String idPrefix) {
        var status = http.post().uri("/api/weeks/import").contentType(MediaType.APPLICATION_JSON)
                .body(document(json, bookings, idPrefix).toString())
                .exchange((request, response) -> response.getStatusCode(), false);
        assertThat(status).isIn(HttpStatus.CREATED, HttpStatus.OK);
    }

    /**
     * Imports the week over HTTP unless a test class of this JVM already did with this prefix: each import of a
     * MEDIUM week costs seconds.
     *
     * @return whether it imported the week now
     */
    public boolean importOverHttpOnce(RestClient http, JsonMapper json, Bookings bookings, String idPrefix) {
        if (!IMPORTED_ONCE.add(monday + "/" + idPrefix)) {
            return false;
        }
        importOverHttp(http, json, bookings, idPrefix);
        return true;
    }

    /** Publishes the week over HTTP ({@code POST /api/weeks/{monday}/publish}). */
    public void publishOverHttp(RestClient http) {
        var status = http.post().uri("/api/weeks/" + monday + "/publish").contentType(MediaType.APPLICATION_JSON)
                .body("{}").exchange((request, response) -> response.getStatusCode(), false);
        assertThat(status).isEqualTo(HttpStatus.OK);
    }

    /** The week document, as the import reads it. */
    public ObjectNode document(JsonMapper json, Bookings bookings, String idPrefix) {
        var document = (ObjectNode) json.valueToTree(DemoWeekDocuments.of(planning));
        document.get("carePlans").forEach(plan -> ((ObjectNode) plan).put("id", idPrefix + plan.get("id").asString()));
        var placedIndex = 0;
        for (var node : document.get("appointments")) {
            var appointment = (ObjectNode) node;
            appointment.put("id", idPrefix + appointment.get("id").asString());
            if (appointment.hasNonNull("carePlanId")) {
                appointment.put("carePlanId", idPrefix + appointment.get("carePlanId").asString());
            }
            var placed = appointment.hasNonNull("startsAt");
            var confirm = placed && switch (bookings) {
                case AS_GENERATED -> false;
                case ALL_CONFIRMED -> true;
                case EVERY_OTHER_CONFIRMED -> placedIndex++ % 2 == 0;
            };
            if (confirm) {
                appointment.put("state", "CONFIRMED");
                appointment.put("released", false);
                appointment.set("publishedTherapistId", appointment.get("therapistId"));
                appointment.set("publishedRoomId", appointment.get("roomId"));
                appointment.set("publishedStartsAt", appointment.get("startsAt"));
            } else if (bookings == Bookings.EVERY_OTHER_CONFIRMED) {
                appointment.put("state", "REQUESTED");
                appointment.put("released", false);
                for (var field : new String[] {"therapistId", "roomId", "startsAt", "publishedTherapistId",
                    "publishedRoomId", "publishedStartsAt"}) {
                    appointment.putNull(field);
                }
            }
        }
        return document;
    }
}
