package org.spascheduler.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Where and when figures were measured: on a shared 2-core machine they mean little without the load at the time.
 *
 * @param loadAverage the 1-, 5- and 15-minute load averages, as {@code uptime} shows them
 */
record MachineDescription(LocalDate date, String cpu, int processors, String jvm, long maxHeapMb, String loadAverage) {

    static MachineDescription now() {
        return new MachineDescription(LocalDate.now(), cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() >> 20, currentLoadAverage());
    }

    /** Linux only; "unknown" elsewhere. */
    static String currentLoadAverage() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return String.join(" ", Arrays.asList(fields).subList(0, Math.min(3, fields.length)));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    @Override
    public String toString() {
        return "%s, %s, %d processors, %s, max heap %d MB, load average %s".formatted(date, cpu, processors, jvm,
                maxHeapMb, loadAverage);
    }
}
