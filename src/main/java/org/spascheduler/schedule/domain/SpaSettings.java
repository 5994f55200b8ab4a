package org.spascheduler.schedule.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The spa's calendar for one planning week: the Monday it starts on, its time zone, its booking grain and its opening
 * hours. Times are wall-clock times in the spa's zone, counted in minutes from that Monday's midnight.
 *
 * @param highLoadRestMinutes how far apart two high-load sessions of one client must start (rule 8; 48 hours by
 *        default, a default drawn from practitioner guidance that a spa may change)
 */
public record SpaSettings(String spaName, LocalDate weekStart, ZoneId timeZone, int grainMinutes,
        List<WeekInterval> openingHours, int highLoadRestMinutes) {

    public static final int DEFAULT_HIGH_LOAD_REST_MINUTES = 48 * 60;

    public SpaSettings {
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("The week start (%s) is a %s, not a Monday.".formatted(weekStart,
                    weekStart.getDayOfWeek()));
        }
        if (grainMinutes <= 0 || WeekInterval.MINUTES_PER_DAY % grainMinutes != 0) {
            throw new IllegalArgumentException(
                    "The booking grain (%d minutes) must divide a day evenly.".formatted(grainMinutes));
        }
        openingHours = WeekIntervals.merge(openingHours);
        if (highLoadRestMinutes < 0) {
            throw new IllegalArgumentException(
                    "The rest between high-load sessions (%d minutes) is negative.".formatted(highLoadRestMinutes));
        }
    }

    /** Settings with DOMAIN.md's 48 hours between a client's high-load sessions. */
    public SpaSettings(String spaName, LocalDate weekStart, ZoneId timeZone, int grainMinutes,
            List<WeekInterval> openingHours) {
        this(spaName, weekStart, timeZone, grainMinutes, openingHours, DEFAULT_HIGH_LOAD_REST_MINUTES);
    }

    public int minuteOfWeek(LocalDateTime dateTime) {
        return (int) ChronoUnit.MINUTES.between(weekStart.atStartOfDay(), dateTime);
    }

    public LocalDateTime dateTimeOf(int minuteOfWeek) {
        return weekStart.atStartOfDay().plusMinutes(minuteOfWeek);
    }

    /** "Tue 3 Dec 10:00": how a justification names a time. */
    public String describe(int minuteOfWeek) {
        return Describe.time(dateTimeOf(minuteOfWeek));
    }

    public boolean isOpen(int start, int end) {
        return WeekIntervals.anyContains(openingHours, start, end);
    }
}
