package org.spascheduler;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SpaSchedulerApplication {

    /**
     * The spa's "now" (the front desk cannot change the past: a session that has ended, a sick call for yesterday),
     * read in the spa's own time zone where it is used. A bean, so that tests can set the time.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        var context = SpringApplication.run(SpaSchedulerApplication.class, args);
        ReadyAnnouncement.log(context.getEnvironment());
    }
}
