package org.spascheduler.schedule.solver;

/**
 * Rule 15's measure, in whole units: the square root of the summed squared deviations of the therapists' loads from
 * their mean, rounded half up. It is the value of Timefold's {@code ConstraintCollectors.loadBalance(...).unfairness()}
 * rounded as before, computed from three running sums in {@code long} arithmetic: the collector's {@code BigDecimal}
 * square root on every move that touched a therapist took about a tenth of the solver's time (ARCHITECTURE.md).
 */
final class WorkloadUnfairness {

    private WorkloadUnfairness() {
    }

    /**
     * @param therapists how many loads there are
     * @param sumOfLoads the loads added up
     * @param sumOfSquaredLoads each load squared, added up
     */
    static long of(long therapists, long sumOfLoads, long sumOfSquaredLoads) {
        if (therapists <= 1) {
            return 0;
        }
        // Summed squared deviation = (n * sum of squares - sum^2) / n = scaled / n, exactly.
        var scaled = therapists * sumOfSquaredLoads - sumOfLoads * sumOfLoads;
        if (scaled <= 0) {
            return 0;
        }
        // The answer r rounds sqrt(scaled / n) half up: (2r - 1)^2 * n <= 4 * scaled < (2r + 1)^2 * n.
        var rounded = Math.round(Math.sqrt((double) scaled / therapists));
        while (rounded > 0 && squareOfOdd(2 * rounded - 1) * therapists > 4 * scaled) {
            rounded--;
        }
        while (squareOfOdd(2 * rounded + 1) * therapists <= 4 * scaled) {
            rounded++;
        }
        return rounded;
    }

    private static long squareOfOdd(long odd) {
        return odd * odd;
    }
}
