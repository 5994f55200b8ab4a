package org.spascheduler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SpaSchedulerApplication {

    public static void main(String[] args) {
        var context = SpringApplication.run(SpaSchedulerApplication.class, args);
        ReadyAnnouncement.log(context.getEnvironment());
    }
}
