package org.spascheduler.schedule.api;

import java.util.List;

/** One constraint's share of the score, with the first few of its matches in words. */
public record ConstraintSummaryView(String name, String level, String score, int matchCount, List<String> examples) {
}
