package org.spascheduler.week;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spascheduler.room.RoomJson;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.web.FieldProblem;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/** The checks of a whole document name each problem by its JSON path, in the order of the document. */
class WeekDocumentChecksTest {

    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

    private static ValidatorFactory validation;

    @BeforeAll
    static void startValidation() {
        validation = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void stopValidation() {
        validation.close();
    }

    @Test
    void aMissingListElementIsNamedByItsIndex() {
        var demo = demo();
        var therapists = new ArrayList<>(demo.therapists());
        therapists.set(1, null);
        var document = new WeekDocument(demo.weekStart(), demo.spa(), demo.treatments(), therapists, demo.rooms(),
                demo.clients(), demo.carePlans(), demo.appointments(), null);

        assertThat(WeekDocumentChecks.shapeProblems(document, validation.getValidator()))
                .extracting(FieldProblem::field)
                .containsExactly("therapists[1]");
    }

    @Test
    void problemsAreListedInDocumentOrderAndAWeekStartsOnAMonday() {
        var demo = demo();
        var rooms = new ArrayList<>(demo.rooms());
        var second = rooms.get(1);
        rooms.set(1, new RoomJson(rooms.get(0).id(), second.name(), second.features(),
                second.outOfService(), null));
        var document = new WeekDocument(MONDAY.plusDays(1), demo.spa(), demo.treatments(), demo.therapists(), rooms,
                demo.clients(), demo.carePlans(), demo.appointments(), null);

        var fields = WeekDocumentChecks.impossibilities(document, WeekDocumentChecks.Stored.NOTHING).stream()
                .map(FieldProblem::field).toList();

        assertThat(fields.get(0)).isEqualTo("weekStart");
        assertThat(fields.get(1)).isEqualTo("rooms[1].id");
        // The second room's id is gone, so appointments placed there now name no room; and every appointment lies
        // outside the week that the Tuesday would start.
        assertThat(fields.subList(2, fields.size())).allMatch(field -> field.startsWith("appointments["));
        assertThat(fields).contains("appointments[0].windowStart");
    }

    private static WeekDocument demo() {
        return DemoWeekDocuments.of(DemoSpaGenerator.generate(DemoSize.SMALL, DemoSpaGenerator.DEFAULT_SEED, MONDAY));
    }
}
