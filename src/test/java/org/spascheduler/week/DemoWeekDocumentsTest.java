package org.spascheduler.week;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spascheduler.booking.AppointmentJson;
import org.spascheduler.booking.BookingState;
import org.spascheduler.common.WeeklyTimeJson;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.AppointmentState;
import org.spascheduler.schedule.domain.WeekInterval;
import org.spascheduler.web.Ids;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/** The demo week, converted to a week document, is an import that passes every check and keeps every record. */
class DemoWeekDocumentsTest {

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
    void theMediumDemoPassesEveryImportCheckAndKeepsEveryRecord() {
        var week = DemoSpaGenerator.generate(DemoSize.MEDIUM, DemoSpaGenerator.DEFAULT_SEED, MONDAY);

        var document = DemoWeekDocuments.of(week);

        assertThat(WeekDocumentChecks.shapeProblems(document, validation.getValidator())).isEmpty();
        assertThat(WeekDocumentChecks.impossibilities(document, WeekDocumentChecks.Stored.NOTHING)).isEmpty();
        assertThat(document.weekStart()).isEqualTo(MONDAY);
        assertThat(document.spa().timeZone()).isEqualTo(DemoSpaGenerator.TIME_ZONE.getId());
        assertThat(document.treatments()).hasSameSizeAs(week.getTreatments());
        assertThat(document.therapists()).hasSize(DemoSize.MEDIUM.therapists()).hasSameSizeAs(week.getTherapists());
        assertThat(document.rooms()).hasSize(DemoSize.MEDIUM.rooms()).hasSameSizeAs(week.getRooms());
        assertThat(document.clients()).hasSameSizeAs(week.getClients());
        assertThat(document.carePlans()).hasSize(DemoSize.MEDIUM.carePlans()).hasSameSizeAs(week.getCarePlans());
        assertThat(document.appointments()).hasSameSizeAs(week.getAppointments());
        // Monday to Friday 9-21, Saturday 9-18, Sunday 10-17.
        assertThat(document.spa().openingHours()).hasSize(7);
    }

    @Test
    void idsAreValidAndEveryAppointmentKeepsItsStatePlacementAndPlan() {
        var week = DemoSpaGenerator.generate(DemoSize.MEDIUM, DemoSpaGenerator.DEFAULT_SEED, MONDAY);

        var document = DemoWeekDocuments.of(week);

        var idPattern = Pattern.compile(Ids.PATTERN);
        Stream.of(document.treatments().stream().map(t -> t.id()), document.therapists().stream().map(t -> t.id()),
                document.rooms().stream().map(r -> r.id()), document.clients().stream().map(c -> c.id()),
                document.carePlans().stream().map(p -> p.id()), document.appointments().stream().map(a -> a.id()))
                .flatMap(ids -> ids)
                .forEach(id -> assertThat(id).matches(idPattern));
        for (var index = 0; index < week.getAppointments().size(); index++) {
            var planned = week.getAppointments().get(index);
            AppointmentJson converted = document.appointments().get(index);
            assertThat(converted.id()).isEqualTo(planned.getId());
            assertThat(converted.state().name()).isEqualTo(planned.getState().name());
            assertThat(converted.windowStart())
                    .isEqualTo(MONDAY.atStartOfDay().plusMinutes(planned.getRequestedWindow().start()));
            assertThat(converted.carePlanId())
                    .isEqualTo(planned.getCarePlan() == null ? null : planned.getCarePlan().id());
            assertThat(converted.therapistId() != null).isEqualTo(planned.isScheduled());
            if (planned.getPublishedAssignment() != null) {
                assertThat(converted.publishedStartsAt()).isEqualTo(
                        MONDAY.atStartOfDay().plusMinutes(planned.getPublishedAssignment().startMinute()));
            }
        }
        assertThat(document.appointments()).anyMatch(a -> a.state() == BookingState.CONFIRMED && a.startsAt() != null);
        assertThat(week.getAppointments()).anyMatch(a -> a.getState() == AppointmentState.CONFIRMED);
        for (var plan : week.getCarePlans()) {
            var converted = document.carePlans().stream().filter(p -> p.id().equals(plan.id())).findFirst()
                    .orElseThrow();
            assertThat(converted.sessionsDoneBefore()).isEqualTo(plan.sessionsDoneBeforeWeek());
            var session = week.getAppointments().stream().filter(a -> plan.equals(a.getCarePlan())).findFirst()
                    .orElseThrow();
            assertThat(converted.clientId()).isEqualTo(session.getClient().id());
            assertThat(converted.treatmentId()).isEqualTo(session.getTreatment().id());
        }
    }

    @Test
    void therapistsShiftsAreDatedAndWeekly() {
        var week = DemoSpaGenerator.generate(DemoSize.SMALL, DemoSpaGenerator.DEFAULT_SEED, MONDAY);

        var document = DemoWeekDocuments.of(week);

        for (var index = 0; index < week.getTherapists().size(); index++) {
            var planned = week.getTherapists().get(index);
            var converted = document.therapists().get(index);
            assertThat(converted.shifts()).hasSameSizeAs(planned.shifts());
            assertThat(converted.weeklyShifts()).hasSameSizeAs(planned.shifts());
            assertThat(converted.timeOff()).hasSameSizeAs(planned.timeOff());
            assertThat(converted.shifts().get(0).startsAt())
                    .isEqualTo(MONDAY.atStartOfDay().plusMinutes(planned.shifts().get(0).start()));
        }
    }

    @Test
    void aWeeklyIntervalAcrossMidnightSplitsIntoTwoDays() {
        var day = WeekInterval.MINUTES_PER_DAY;
        var fridayNightToSaturday = new WeekInterval(4 * day + 22 * 60, 5 * day + 2 * 60);
        var wholeSunday = new WeekInterval(6 * day, 7 * day);

        assertThat(DemoWeekDocuments.weekly(List.of(fridayNightToSaturday, wholeSunday))).containsExactly(
                new WeeklyTimeJson(DayOfWeek.FRIDAY, LocalTime.of(22, 0), LocalTime.of(23, 59)),
                new WeeklyTimeJson(DayOfWeek.SATURDAY, LocalTime.MIDNIGHT, LocalTime.of(2, 0)),
                new WeeklyTimeJson(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.of(23, 59)));
    }
}
