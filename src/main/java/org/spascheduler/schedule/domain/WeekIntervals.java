package org.spascheduler.schedule.domain;

import java.util.ArrayList;
import java.util.List;

/** Arithmetic on sorted lists of {@link WeekInterval}s, used by the facts that hold several of them. */
public final class WeekIntervals {

    private WeekIntervals() {
    }

    /** Sorts and merges intervals that overlap or touch: two shifts that touch count as one. */
    public static List<WeekInterval> merge(List<WeekInterval> intervals) {
        var sorted = intervals.stream().sorted().toList();
        var merged = new ArrayList<WeekInterval>(sorted.size());
        for (var interval : sorted) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).end() >= interval.start()) {
                var last = merged.remove(merged.size() - 1);
                merged.add(new WeekInterval(last.start(), Math.max(last.end(), interval.end())));
            } else {
                merged.add(interval);
            }
        }
        return List.copyOf(merged);
    }

    /** Whether [start, end) lies wholly inside one of the (merged) intervals. */
    public static boolean anyContains(List<WeekInterval> merged, int start, int end) {
        for (var interval : merged) {
            if (interval.contains(start, end)) {
                return true;
            }
        }
        return false;
    }

    /** Minutes of [start, end) that lie outside every one of the (merged, non-overlapping) intervals. */
    public static int minutesOutside(List<WeekInterval> merged, int start, int end) {
        return (end - start) - overlapMinutes(merged, start, end);
    }

    /** Minutes of [start, end) that lie inside the (non-overlapping) intervals. */
    public static int overlapMinutes(List<WeekInterval> intervals, int start, int end) {
        var overlap = 0;
        for (var interval : intervals) {
            overlap += interval.overlapMinutes(start, end);
        }
        return overlap;
    }

    /** Minutes from the instant to the nearest interval, 0 inside one; the list must not be empty. */
    public static int distanceMinutes(List<WeekInterval> intervals, int minute) {
        var nearest = Integer.MAX_VALUE;
        for (var interval : intervals) {
            nearest = Math.min(nearest, interval.distanceMinutes(minute));
        }
        return nearest;
    }

    /** The parts of the intervals left after removing the holes. */
    public static List<WeekInterval> subtract(List<WeekInterval> intervals, List<WeekInterval> holes) {
        var remaining = new ArrayList<>(merge(intervals));
        for (var hole : merge(holes)) {
            var next = new ArrayList<WeekInterval>(remaining.size() + 1);
            for (var interval : remaining) {
                if (hole.end() <= interval.start() || interval.end() <= hole.start()) {
                    next.add(interval);
                    continue;
                }
                if (interval.start() < hole.start()) {
                    next.add(new WeekInterval(interval.start(), hole.start()));
                }
                if (hole.end() < interval.end()) {
                    next.add(new WeekInterval(hole.end(), interval.end()));
                }
            }
            remaining = next;
        }
        return List.copyOf(remaining);
    }

    public static int totalMinutes(List<WeekInterval> intervals) {
        return intervals.stream().mapToInt(WeekInterval::lengthMinutes).sum();
    }
}
