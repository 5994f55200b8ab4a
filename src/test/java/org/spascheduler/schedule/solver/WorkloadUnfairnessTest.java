package org.spascheduler.schedule.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;

import org.junit.jupiter.api.Test;

class WorkloadUnfairnessTest {

    @Test
    void oneTherapistWithAllTheWorkAndOneWithNone() {
        // Loads 100 and 0: deviations 50 and 50, sqrt(2500 + 2500) = 70.7.
        assertThat(WorkloadUnfairness.of(2, 100, 100 * 100)).isEqualTo(71);
    }

    @Test
    void equalLoadsAndFewerThanTwoTherapistsAreFair() {
        assertThat(WorkloadUnfairness.of(3, 300, 3 * 100 * 100)).isZero();
        assertThat(WorkloadUnfairness.of(1, 500, 500 * 500)).isZero();
        assertThat(WorkloadUnfairness.of(0, 0, 0)).isZero();
    }

    @Test
    void roundsToTheNearestWholeUnit() {
        // Loads 0 and 1: squared deviations 0.25 + 0.25, sqrt(0.5) = 0.71 -> 1; loads 0, 0, 0 and 3: 3 * 0.5625 +
        // 5.0625 = 6.75, sqrt = 2.60 -> 3.
        assertThat(WorkloadUnfairness.of(2, 1, 1)).isEqualTo(1);
        assertThat(WorkloadUnfairness.of(4, 3, 9)).isEqualTo(3);
        // Loads 0 and 3: sum of squared deviations 4.5, sqrt = 2.12 -> 2; loads 0 and 5 give 12.5, sqrt 3.54 -> 4.
        assertThat(WorkloadUnfairness.of(2, 3, 9)).isEqualTo(2);
        assertThat(WorkloadUnfairness.of(2, 5, 25)).isEqualTo(4);
    }

    @Test
    void agreesWithTheSquareRootOfTheSummedSquaredDeviationsRoundedHalfUp() {
        var random = new Random(7);
        for (var week = 0; week < 20_000; week++) {
            var therapists = 2 + random.nextInt(40);
            var loads = new long[therapists];
            long sum = 0;
            long sumOfSquares = 0;
            for (var index = 0; index < therapists; index++) {
                loads[index] = random.nextInt(week % 2 == 0 ? 1000 : 6);
                sum += loads[index];
                sumOfSquares += loads[index] * loads[index];
            }
            var context = new MathContext(40);
            var mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(therapists), context);
            var squaredDeviations = BigDecimal.ZERO;
            for (var load : loads) {
                var deviation = BigDecimal.valueOf(load).subtract(mean);
                squaredDeviations = squaredDeviations.add(deviation.multiply(deviation));
            }
            var expected = squaredDeviations.sqrt(context).setScale(0, RoundingMode.HALF_UP).longValueExact();

            assertThat(WorkloadUnfairness.of(therapists, sum, sumOfSquares)).as("loads %s", loads).isEqualTo(expected);
        }
    }
}
