package org.spascheduler.week;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.web.InvalidRequestException;
import org.spascheduler.web.UnprocessableException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * On a first start (no spa, no appointments), fills the database with a demo spa (MEDIUM unless
 * {@code spa.demo.size} says otherwise) and next week's requests, so that the API has something to show at once. The demo goes through the import, checked like any imported week.
 */
@Component
class DemoSpaOnFirstStart implements ApplicationRunner {

    private static final Logger LOGGER = LoggerFactory.getLogger(DemoSpaOnFirstStart.class);

    private final WeekService weeks;
    private final ApplicationEventPublisher events;
    private final boolean enabled;
    private final DemoSize size;
    private final Clock clock;

    @Autowired
    DemoSpaOnFirstStart(WeekService weeks, ApplicationEventPublisher events,
            @Value("${spa.demo.load-on-empty-database:true}") boolean enabled,
            @Value("${spa.demo.size:MEDIUM}") DemoSize size) {
        this(weeks, events, enabled, size, Clock.system(DemoSpaGenerator.TIME_ZONE));
    }

    DemoSpaOnFirstStart(WeekService weeks, ApplicationEventPublisher events, boolean enabled, DemoSize size,
            Clock clock) {
        this.weeks = weeks;
        this.events = events;
        this.enabled = enabled;
        this.size = size;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        loadIfEmpty();
    }

    /** @return whether the demo was loaded */
    boolean loadIfEmpty() {
        if (!enabled || !weeks.isEmpty()) {
            return false;
        }
        var weekStart = nextWeekStart();
        var document = DemoWeekDocuments.of(
                DemoSpaGenerator.generate(size, DemoSpaGenerator.DEFAULT_SEED, weekStart));
        try {
            var result = weeks.importWeek(document);
            LOGGER.info("The database was empty: loaded the demo spa with {} appointments in the week of {}.",
                    result.inserted().appointments(), weekStart);
            events.publishEvent(new DemoSpaLoaded(weekStart));
            return true;
        } catch (InvalidRequestException | UnprocessableException e) {
            // A broken demo must not keep the spa's own service from starting; the log says what to fix.
            LOGGER.error("The demo spa failed its import checks and was not loaded: {}", e.getMessage());
            return false;
        }
    }

    /** The Monday after today in the demo spa's zone: the week the demo's requests are for. */
    LocalDate nextWeekStart() {
        return LocalDate.now(clock.withZone(DemoSpaGenerator.TIME_ZONE))
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }
}
