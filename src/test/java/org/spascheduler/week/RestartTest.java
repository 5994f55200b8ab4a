package org.spascheduler.week;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spascheduler.SpaSchedulerApplication;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The spa's books live in a database file: a restart finds what the last run wrote, and a database that is not empty
 * does not get the demo again.
 */
class RestartTest {

    @Test
    void aRestartFindsTheDataAndDoesNotLoadTheDemoAgain(@TempDir Path directory) {
        var url = "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath();
        int appointmentsLeft;
        var monday = LocalDate.of(2027, 3, 1);
        WeekDocument exported;
        try (var first = start(url, false)) {
            var service = first.getBean(WeekService.class);
            service.importWeek(DemoWeekDocuments.of(
                    DemoSpaGenerator.generate(DemoSize.SMALL, DemoSpaGenerator.DEFAULT_SEED, monday)));
            // A change of this run, which the next must find.
            var appointments = first.getBean(AppointmentRepository.class);
            appointments.delete(appointments.findByWeekStart(monday).get(0));
            appointmentsLeft = (int) appointments.count();
            exported = service.export(monday);
        }

        // With the demo on: a database that is not empty must not get it.
        try (var second = start(url, true)) {
            assertThat(second.getBean(WeekService.class).export(monday)).isEqualTo(exported);
            var weeks = second.getBean(WeekService.class).weeks();
            assertThat(weeks).hasSize(1);
            assertThat(weeks.get(0).appointments()).isEqualTo(appointmentsLeft);
        }
    }

    @Test
    void aRepairAStopInterruptedIsFinishedOnStart(@TempDir Path directory) {
        var url = "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath();
        var monday = LocalDate.of(2027, 3, 8);
        String releasedId;
        try (var first = start(url, false)) {
            first.getBean(WeekService.class).importWeek(DemoWeekDocuments.of(
                    DemoSpaGenerator.generateWithHiddenRoster(DemoSize.SMALL, DemoSpaGenerator.DEFAULT_SEED, monday)));
            // The state an event leaves between its own change and the repair: a confirmed session released.
            var appointments = first.getBean(AppointmentRepository.class);
            var placed = appointments.findByWeekStart(monday).stream().filter(StoredAppointment::isPlaced).findFirst()
                    .orElseThrow();
            releasedId = appointments.save(placed.confirmedWherePlaced().withState(BookingState.CONFIRMED, true)).id();
        }

        try (var second = start(url, false)) {
            var released = second.getBean(AppointmentRepository.class).findById(releasedId).orElseThrow();
            assertThat(released.released()).as("confirmed again where the repair put it, or waitlisted").isFalse();
            assertThat(released.state()).isIn(BookingState.CONFIRMED, BookingState.REQUESTED);
        }
    }

    private static ConfigurableApplicationContext start(String url, boolean demo) {
        // Command-line arguments outrank application-test.properties, which points at the in-memory database.
        return new SpringApplicationBuilder(SpaSchedulerApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .run("--spring.datasource.url=" + url, "--spa.demo.load-on-empty-database=" + demo,
                        "--spring.main.banner-mode=off");
    }
}
