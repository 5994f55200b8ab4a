package org.spascheduler;

import java.util.Arrays;
import java.util.Collection;

/**
 * Wall times a latency harness measured, in milliseconds, and the figures it prints: nearest-rank percentiles (the
 * smallest value that at least this share of the values do not exceed), the maximum and the mean.
 */
public final class Latencies {

    private final double[] sortedMillis;

    private Latencies(double[] millis) {
        this.sortedMillis = millis.clone();
        Arrays.sort(sortedMillis);
    }

    public static Latencies ofMillis(double... millis) {
        return new Latencies(millis);
    }

    public static Latencies ofMillis(Collection<? extends Number> millis) {
        return new Latencies(millis.stream().mapToDouble(Number::doubleValue).toArray());
    }

    public int count() {
        return sortedMillis.length;
    }

    /** Nearest rank; 0 when nothing was measured. */
    public double percentile(int percent) {
        if (sortedMillis.length == 0) {
            return 0;
        }
        var rank = (int) Math.ceil(percent / 100.0 * sortedMillis.length);
        return sortedMillis[Math.max(0, rank - 1)];
    }

    public double max() {
        return percentile(100);
    }

    public double mean() {
        return Arrays.stream(sortedMillis).average().orElse(0);
    }

    /** "p50 68 ms, p95 128 ms, p99 155 ms, max 170 ms" */
    public String summary() {
        return "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms".formatted(percentile(50), percentile(95),
                percentile(99), max());
    }
}
