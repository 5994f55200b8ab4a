package org.spascheduler.therapist;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.spascheduler.spa.StoredWorkRules;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A therapist, as stored: skills, a usual week of shifts, dated shifts that replace the usual week where a week has
 * any, time off, daily caps and the times they would rather not work.
 *
 * @param workRules the pacing of their day, null for the spa's
 */
@Table("THERAPIST")
public record StoredTherapist(@Id String id, String name, int changeoverMinutes, int maxHandsOnMinutesPerDay,
        int maxHighLoadSessionsPerDay,
        @Embedded.Nullable(prefix = "work_rules_") @Nullable StoredWorkRules workRules,
        @MappedCollection(idColumn = "THERAPIST_ID") Set<Skill> skills,
        @MappedCollection(idColumn = "THERAPIST_ID", keyColumn = "POSITION") List<WeeklyShift> weeklyShifts,
        @MappedCollection(idColumn = "THERAPIST_ID", keyColumn = "POSITION") List<Shift> shifts,
        @MappedCollection(idColumn = "THERAPIST_ID", keyColumn = "POSITION") List<TimeOff> timeOff,
        @MappedCollection(idColumn = "THERAPIST_ID", keyColumn = "POSITION") List<RatherNotWork> ratherNotWork,
        @Version @Nullable Integer version) {

    @Table("THERAPIST_SKILL")
    public record Skill(String skill) {
    }

    /** Works every such day of the week from {@code starts} to {@code ends}, unless the week has dated shifts. */
    @Table("THERAPIST_WEEKLY_SHIFT")
    public record WeeklyShift(DayOfWeek dayOfWeek, LocalTime starts, LocalTime ends) {
    }

    @Table("THERAPIST_SHIFT")
    public record Shift(LocalDateTime startsAt, LocalDateTime endsAt) {
    }

    @Table("THERAPIST_TIME_OFF")
    public record TimeOff(LocalDateTime startsAt, LocalDateTime endsAt, @Nullable String reason) {
    }

    /** Would rather not work every such day of the week from {@code starts} to {@code ends} (rule 18). */
    @Table("THERAPIST_RATHER_NOT_WORK")
    public record RatherNotWork(DayOfWeek dayOfWeek, LocalTime starts, LocalTime ends) {
    }

    /** The same therapist with this time off instead. */
    public StoredTherapist withTimeOff(List<TimeOff> timeOff) {
        return new StoredTherapist(id, name, changeoverMinutes, maxHandsOnMinutesPerDay, maxHighLoadSessionsPerDay,
                workRules, skills, weeklyShifts, shifts, timeOff, ratherNotWork, version);
    }
}
