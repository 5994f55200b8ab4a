package org.spascheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as a child JVM, as it runs for a spa: the packaged classes with their dependencies (the test's classpath
 * without the test classes), started in a directory of its own, so that the database URL of application.properties
 * ({@code ./data/...}) puts the file there. {@link #kill()} is a SIGKILL: the JVM gets no chance to write anything
 * more.
 */
final class ServiceProcess {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** Every demo account's password in the child service ({@code spa.demo.password}); requests sign in as manager. */
    static final String DEMO_PASSWORD = "child-service-password";

    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private int port;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the service in the directory and waits until its readiness probe says UP.
     *
     * @param log where its output goes
     * @param arguments Spring Boot arguments beyond a free port
     */
    static ServiceProcess start(Path directory, Path log, String... arguments) {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Start-up speed over solver speed: a repair's time is capped anyway.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-cp", serviceClasspath(),
                SpaSchedulerApplication.class.getName(), "--server.port=0", "--spring.main.banner-mode=off",
                "--spa.demo.password=" + DEMO_PASSWORD));
        command.addAll(Arrays.asList(arguments));
        try {
            Files.createDirectories(log.getParent());
            var process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            var service = new ServiceProcess(process, log);
            service.awaitReady();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test's classpath without the test classes (whose configuration the component scan would pick up). */
    private static String serviceClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !Path.of(entry).endsWith("test-classes"))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void awaitReady() {
        var deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The service stopped while starting:\n" + logTail());
            }
            if (port == 0) {
                var matcher = PORT.matcher(logText());
                if (matcher.find()) {
                    port = Integer.parseInt(matcher.group(1));
                }
            } else if (isReady()) {
                return;
            }
            sleep(100);
        }
        kill();
        throw new AssertionError("The service was not ready after %s:\n%s".formatted(START_TIMEOUT, logTail()));
    }

    private boolean isReady() {
        try {
            // Unsigned: the accounts are made during start-up, and wrong sign-ins before then would be throttled.
            return send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET(), false).statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false; // not listening yet
        }
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode getJson(String path) {
        var response = get(path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    HttpResponse<String> post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** SIGKILL on Linux: no shutdown hook runs, nothing more is written. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path log() {
        return log.toAbsolutePath();
    }

    String logTail() {
        var lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, true);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean signedIn) {
        if (signedIn) {
            request.header("Authorization", TestAccounts.basic("manager", DEMO_PASSWORD));
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
