package org.spascheduler;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The one log line that says the service can take requests, with the port it really listens on. Logged by
 * {@link SpaSchedulerApplication#main} once {@code SpringApplication.run} returns, that is after every start-up task:
 * the demo week loaded on a first start (an {@code ApplicationRunner}) and the work done on {@code ApplicationReadyEvent}
 * (repairs a stop interrupted, jobs it left solving). A listener of that event would have no defined order among them.
 */
final class ReadyAnnouncement {

    private static final Logger LOGGER = LoggerFactory.getLogger(ReadyAnnouncement.class);

    private ReadyAnnouncement() {
    }

    static void log(Environment environment) {
        var line = line(environment);
        if (line != null) {
            LOGGER.info(line);
        }
    }

    /** @return the line, or null when no web server was started (no port to announce) */
    static @Nullable String line(Environment environment) {
        var port = environment.getProperty("local.server.port");
        if (port == null) {
            return null;
        }
        var root = "http://localhost:" + port + environment.getProperty("server.servlet.context-path", "");
        var apiDocs = environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html");
        return "spa-scheduler ready at %s/ (API docs at %s%s; Ctrl+C stops it)".formatted(root, root, apiDocs);
    }
}
