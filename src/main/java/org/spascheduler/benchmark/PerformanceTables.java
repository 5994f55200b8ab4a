package org.spascheduler.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.spascheduler.benchmark.SpaBenchmark.SizeRun;

/** The README's two tables (speed per week; quality against first fit), in Markdown, from one benchmark run. */
final class PerformanceTables {

    private PerformanceTables() {
    }

    static String markdown(MachineDescription machine, BenchmarkSettings settings, List<SizeRun> runs) {
        var shortLabel = label(settings.shortSolve());
        var longLabel = label(settings.longSolve());
        var text = new StringBuilder();
        text.append("Measured ").append(machine).append(".\n\n");
        text.append("| week | sessions | first fit: time | first roster breaking no hard rule | first with every "
                + "session placed | score after ").append(shortLabel).append(" | score after ").append(longLabel)
                .append(" | move evaluation speed (").append(longLabel).append(") | heap peak / live after (")
                .append(longLabel).append(") | load average before / after |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (var run : runs) {
            var longSolve = run.longSolve();
            text.append("| ").append(run.size()).append(" | ").append(run.firstFit().sessions())
                    .append(" | ").append(seconds(run.firstFitTime()))
                    .append(" | ").append(seconds(longSolve.firstWithoutHardViolation()))
                    .append(" | ").append(seconds(longSolve.firstWithEverySessionPlaced()))
                    .append(" | ").append(run.shortSolve().score())
                    .append(" | ").append(longSolve.score())
                    .append(" | ").append(thousands(longSolve.moveEvaluationSpeed())).append("/s")
                    .append(" | ").append(longSolve.heapPeakMb()).append(" / ").append(longSolve.heapLiveMb())
                    .append(" MB | ").append(run.loadBefore()).append(" / ").append(run.loadAfter()).append(" |\n");
        }
        text.append("\nRoster quality against first fit (higher is better for hits, lower for days off ideal, idle "
                + "minutes and workload spread; ratios are the service's ").append(shortLabel)
                .append(" roster over first fit's, from this run):\n\n");
        text.append("| week | roster | sessions placed | preferred time hits | preferred therapist hits | care plan "
                + "continuity hits | spacing within min-max | days off ideal spacing | short idle minutes | workload "
                + "spread | avoided therapist | hard score |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var run : runs) {
            text.append(qualityRow(run.size().name(), "service, " + shortLabel, run.shortSolve().quality()));
            text.append(qualityRow(run.size().name(), "service, " + longLabel, run.longSolve().quality()));
            text.append(qualityRow(run.size().name(), "first fit", run.firstFit()));
            text.append(ratioRow(run.size().name(), shortLabel + " / first fit", run.shortSolve().quality(),
                    run.firstFit()));
        }
        return text.toString();
    }

    private static String qualityRow(String week, String roster, RosterQualityMetrics quality) {
        return "| %s | %s | %d of %d | %d of %d | %d of %d | %d of %d | %d of %d | %d | %,d | %.1f pp | %d | %d |\n"
                .formatted(week, roster, quality.placed(), quality.sessions(), quality.preferredTimeHits(),
                        quality.placedWithPreferredTime(), quality.preferredTherapistHits(),
                        quality.placedWithPreferredTherapist(), quality.continuityHits(), quality.carePlanPairs(),
                        quality.spacingWithinMinMax(), quality.carePlanPairs(), quality.daysOffIdealSpacing(),
                        quality.shortIdleMinutes(), quality.workloadSpreadPercent(),
                        quality.avoidedTherapistAssigned(), quality.hardScore());
    }

    private static String ratioRow(String week, String label, RosterQualityMetrics service,
            RosterQualityMetrics firstFit) {
        return "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | | |\n".formatted(week, label,
                ratio(service.placed(), firstFit.placed()),
                ratio(service.preferredTimeHits(), firstFit.preferredTimeHits()),
                ratio(service.preferredTherapistHits(), firstFit.preferredTherapistHits()),
                ratio(service.continuityHits(), firstFit.continuityHits()),
                ratio(service.spacingWithinMinMax(), firstFit.spacingWithinMinMax()),
                ratio(service.daysOffIdealSpacing(), firstFit.daysOffIdealSpacing()),
                ratio(service.shortIdleMinutes(), firstFit.shortIdleMinutes()),
                ratio(service.workloadSpreadPercent(), firstFit.workloadSpreadPercent()));
    }

    static String ratio(double value, double baseline) {
        return baseline == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f×", value / baseline);
    }

    private static String seconds(@Nullable Duration duration) {
        return duration == null ? "never" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String thousands(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String label(Duration duration) {
        return duration.toSeconds() % 60 == 0 && duration.toSeconds() >= 60 ? duration.toMinutes() + " min"
                : duration.toSeconds() + " s";
    }
}
