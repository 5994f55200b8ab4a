package org.spascheduler.schedule.solver;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.countBi;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sumLong;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.toList;
import static ai.timefold.solver.core.api.score.stream.Joiners.equal;
import static ai.timefold.solver.core.api.score.stream.Joiners.filtering;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntBiFunction;
import java.util.function.ToIntFunction;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSettings;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.WeekInterval;
import org.spascheduler.schedule.domain.WeekIntervals;

/**
 * Every scheduling rule of the spa (shared/DOMAIN.md, rules 1-18), one method each, named as the constraint is.
 * Penalties grow with the size of the violation, in minutes or days, so that the solver can tell a near miss from a
 * disaster. Hard rules are never broken by a roster that can be published; medium rules only by an overbooked week;
 * soft rules measure quality. Every weight can be overridden at run time through the schedule's
 * {@code ConstraintWeightOverrides}.
 */
public final class SpaConstraintProvider implements ConstraintProvider {

    public static final String HARD = "Hard";
    public static final String MEDIUM = "Medium";
    public static final String SOFT = "Soft";

    private static final int MINUTES_PER_HOUR = 60;
    /** Rule 17: what each kind of change to a published session costs; a change of day costs most. */
    private static final int ROOM_CHANGE_COST = 10;
    private static final int THERAPIST_CHANGE_COST = 30;
    /** Above a therapist change: a client told a time would rather keep it with another therapist (issue 4). */
    private static final int TIME_CHANGE_COST = 40;
    private static final int DAY_CHANGE_COST = 120;
    /** Fair workload compares hands-on minutes per thousand available minutes. */
    private static final int LOAD_SCALE = 1000;

    // Shared predicates and functions: identical instances let Timefold share the stream nodes built on them.
    private static final Predicate<Appointment> HAS_START = appointment -> appointment.getStart() != null;
    private static final Predicate<Appointment> THERAPIST_BOOKED = Appointment::isTherapistBooked;
    private static final Predicate<Appointment> ROOM_BOOKED = Appointment::isRoomBooked;
    private static final Predicate<Appointment> HIGH_LOAD_WITH_START =
            appointment -> appointment.getStart() != null && appointment.isHighLoad();
    private static final Predicate<Appointment> IN_CARE_PLAN_WITH_START =
            appointment -> appointment.getCarePlan() != null && appointment.getStart() != null;
    private static final Function<Appointment, Integer> NEXT_DAY = appointment -> appointment.getDayOfWeek() + 1;
    private static final Function<Appointment, Integer> NEXT_SERIES_INDEX =
            appointment -> appointment.getSeriesIndex() + 1;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                // Hard
                therapistLacksSkill(factory),
                outsideRequestedWindow(factory),
                outsideTherapistShift(factory),
                duringTherapistTimeOff(factory),
                outsideOpeningHours(factory),
                offTheBookingGrain(factory),
                therapistConflict(factory),
                roomConflict(factory),
                roomLacksFeature(factory),
                roomOutOfService(factory),
                clientConflict(factory),
                runWithoutBreak(factory),
                longDayWithoutBreak(factory),
                dailyHandsOnCap(factory),
                dailyHighLoadCap(factory),
                carePlanSpacingBelowMinimum(factory),
                highLoadSessionsTooClose(factory),
                pinnedSessionMoved(factory),
                // Medium
                unscheduledSession(factory),
                carePlanSpacingAboveMaximum(factory),
                // Soft
                outsideClientPreferredTime(factory),
                carePlanTherapistChanged(factory),
                preferredTherapistMissed(factory),
                avoidedTherapistAssigned(factory),
                carePlanSpacingOffIdeal(factory),
                unfairWorkload(factory),
                shortIdleGaps(factory),
                publishedSessionMoved(factory),
                therapistPreferenceIgnored(factory)
        };
    }

    // ************************************************************************
    // Hard constraints
    // ************************************************************************

    // Rule 1: a therapist performs only treatments they are skilled for.
    Constraint therapistLacksSkill(ConstraintFactory factory) {
        return therapistBooked(factory)
                .filter(appointment -> !appointment.getTherapist().hasSkill(appointment.getTreatment().requiredSkill()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Appointment::getDurationMinutes)
                .justifyWith((appointment, score) -> new SessionJustification(appointment.getId(),
                        "%s lacks the %s skill for %s.".formatted(appointment.getTherapist().name(),
                                appointment.getTreatment().requiredSkill(), appointment.describe())))
                .asConstraintDescribed("Therapist lacks skill",
                        "Rule 1: a therapist performs only treatments they are skilled for. Per session minute.", HARD);
    }

    // Rule 2: a session lies inside its requested window.
    Constraint outsideRequestedWindow(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Appointment.class)
                .filter(HAS_START)
                .filter(appointment -> !appointment.getRequestedWindow().contains(appointment.getStartMinute(),
                        appointment.getEndMinute()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, SpaConstraintProvider::minutesOutsideWindow)
                .justifyWith((appointment, score) -> new SessionJustification(appointment.getId(),
                        "%s lies %d minutes outside the window the client asked for.".formatted(
                                appointment.describe(), minutesOutsideWindow(appointment))))
                .asConstraintDescribed("Outside requested window",
                        "Rule 2: a session lies inside its requested window. Per minute outside.", HARD);
    }

    // Rule 2: a session lies inside one of its therapist's shifts (shifts that touch count as one).
    Constraint outsideTherapistShift(ConstraintFactory factory) {
        return therapistBooked(factory)
                .filter(appointment -> minutesOutsideShift(appointment) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, SpaConstraintProvider::minutesOutsideShift)
                .justifyWith((appointment, score) -> new SessionJustification(appointment.getId(),
                        "%s has %d minutes outside %s's shifts.".formatted(appointment.describe(),
                                minutesOutsideShift(appointment), appointment.getTherapist().name())))
                .asConstraintDescribed("Outside therapist shift",
                        "Rule 2: a session lies inside one of its therapist's shifts. Per minute outside.", HARD);
    }

    // Rule 2: a session lies outside its therapist's time off.
    Constraint duringTherapistTimeOff(ConstraintFactory factory) {
        return therapistBooked(factory)
                .filter(appointment -> minutesOfTimeOff(appointment) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, SpaConstraintProvider::minutesOfTimeOff)
                .justifyWith((appointment, score) -> new SessionJustification(appointment.getId(),
                        "%s overlaps %s's time off by %d minutes.".formatted(appointment.describe(),
                                appointment.getTherapist().name(), minutesOfTimeOff(appointment))))
                .asConstraintDescribed("During therapist time off",
                        "Rule 2: a session lies outside its therapist's time off. Per minute of overlap.", HARD);
    }

    // Rule 2: a session lies inside opening hours.
    Constraint outsideOpeningHours(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Appointment.class)
                .filter(HAS_START)
                .join(SpaSettings.class)
                .filter((appointment, settings) -> minutesOutsideOpeningHours(appointment, settings) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, SpaConstraintProvider::minutesOutsideOpeningHours)
                .justifyWith((appointment, settings, score) -> new SessionJustification(appointment.getId(),
                        "%s has %d minutes outside opening hours.".formatted(appointment.describe(),
                                minutesOutsideOpeningHours(appointment, settings))))
                .asConstraintDescribed("Outside opening hours",
                        "Rule 2: a session lies inside the spa's opening hours. Per minute outside.", HARD);
    }

    // Rule 2: a session starts on the booking grain, counted from midnight.
    Constraint offTheBookingGrain(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Appointment.class)
                .filter(HAS_START)
                .join(SpaSettings.class)
                .filter((appointment, settings) -> minutesOffGrain(appointment, settings) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, SpaConstraintProvider::minutesOffGrain)
                .justifyWith((appointment, settings, score) -> new SessionJustification(appointment.getId(),
                        "%s starts %d minutes off the %d-minute booking grain.".formatted(appointment.describe(),
                                minutesOffGrain(appointment, settings), settings.grainMinutes())))
                .asConstraintDescribed("Off the booking grain",
                        "Rule 2: a session starts on the booking grain. Per minute off the grain.", HARD);
    }

    // Rule 3: a therapist is never in two sessions at once and has their changeover time after each session.
    Constraint therapistConflict(ConstraintFactory factory) {
        return busyAtOnce(therapistBooked(factory), therapistBooked(factory), Appointment::getTherapist,
                Appointment::getTherapistBusyUntil, SpaConstraintProvider::therapistBusyOverlap)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, SpaConstraintProvider::therapistBusyOverlap)
                .justifyWith((first, second, score) -> new SessionPairJustification(first.getId(), second.getId(),
                        "%s is booked for %s and %s, %d minutes too close (changeover included).".formatted(
                                first.getTherapist().name(), first.describe(), second.describe(),
                                therapistBusyOverlap(first, second))))
                .asConstraintDescribed("Therapist conflict",
                        "Rule 3: a therapist is never in two sessions at once and has their changeover after each. "
                                + "Per minute of overlap.",
                        HARD);
    }

    // Rule 4: a room hosts one session at a time, with the earlier session's turnover before the next.
    Constraint roomConflict(ConstraintFactory factory) {
        return busyAtOnce(roomBooked(factory), roomBooked(factory), Appointment::getRoom,
                Appointment::getRoomBusyUntil, SpaConstraintProvider::roomBusyOverlap)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, SpaConstraintProvider::roomBusyOverlap)
                .justifyWith((first, second, score) -> new SessionPairJustification(first.getId(), second.getId(),
                        "%s hosts %s and %s, %d minutes too close (turnover included).".formatted(
                                first.getRoom().name(), first.describe(), second.describe(),
                                roomBusyOverlap(first, second))))
                .asConstraintDescribed("Room conflict",
                        "Rule 4: a room hosts one session at a time and gets the turnover time in between. "
                                + "Per minute of overlap.",
                        HARD);
    }

    // Rule 4: a room has every feature the treatment needs.
    Constraint roomLacksFeature(ConstraintFactory factory) {
        return roomBooked(factory)
                .filter(appointment -> !appointment.getRoom()
                        .hasFeatures(appointment.getTreatment().requiredRoomFeatures()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Appointment::getDurationMinutes)
                .justifyWith((appointment, score) -> new SessionJustification(appointment.getId(),
                        "%s lacks a feature (%s) that %s needs.".formatted(appointment.getRoom().name(),
                                appointment.getTreatment().requiredRoomFeatures(), appointment.describe())))
                .asConstraintDescribed("Room lacks feature",
                        "Rule 4: a room has every feature the treatment needs. Per session minute.", HARD);
    }

    // Rule 4: a room is not out of service during the session.
    Constraint roomOutOfService(ConstraintFactory factory) {
        return roomBooked(factory)
                .filter(appointment -> minutesOutOfService(appointment) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, SpaConstraintProvider::minutesOutOfService)
                .justifyWith((appointment, score) -> new SessionJustification(appointment.getId(),
                        "%s is out of service for %d minutes of %s.".formatted(appointment.getRoom().name(),
                                minutesOutOfService(appointment), appointment.describe())))
                .asConstraintDescribed("Room out of service",
                        "Rule 4: a room is not out of service during the session. Per minute of overlap.", HARD);
    }

    // Rule 5: a client is never in two sessions at once.
    Constraint clientConflict(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Appointment.class)
                .filter(HAS_START)
                .join(factory.forEachIncludingUnassigned(Appointment.class).filter(HAS_START),
                        equal(Appointment::getClient),
                        filtering((first, second) -> sessionOverlap(first, second) > 0
                                && isOrderedPair(first, second)))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, SpaConstraintProvider::sessionOverlap)
                .justifyWith((first, second, score) -> new SessionPairJustification(first.getId(), second.getId(),
                        "%s is booked twice at once: %s and %s.".formatted(first.getClient().name(),
                                first.describe(), second.describe())))
                .asConstraintDescribed("Client conflict",
                        "Rule 5: a client is never in two sessions at once. Per minute of overlap.", HARD);
    }

    // Rule 6: sessions less than 30 minutes apart form a run, and a run holds at most 180 minutes of session time
    // (WorkRules).
    Constraint runWithoutBreak(ConstraintFactory factory) {
        return therapistDays(factory)
                .filter(day -> day.minutesBeyondRunLimit() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, TherapistDay::minutesBeyondRunLimit)
                .justifyWith((day, score) -> new TherapistDayJustification(day.therapist().id(), day.date(),
                        "%s works %d session minutes beyond %d without a %d-minute break.".formatted(
                                day.describe(), day.minutesBeyondRunLimit(),
                                day.therapist().workRules().maxRunMinutes(),
                                day.therapist().workRules().breakMinutes())))
                .asConstraintDescribed("Run without break",
                        "Rule 6: sessions less than 30 minutes apart form a run of at most 180 session minutes "
                                + "(the therapist's work rules may change both). Per minute beyond.",
                        HARD);
    }

    // Rule 6: a day that spans more than 6 hours has a gap of at least 30 minutes between two sessions (WorkRules).
    Constraint longDayWithoutBreak(ConstraintFactory factory) {
        return therapistDays(factory)
                .filter(day -> day.minutesBeyondLongDayWithoutBreak() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, TherapistDay::minutesBeyondLongDayWithoutBreak)
                .justifyWith((day, score) -> new TherapistDayJustification(day.therapist().id(), day.date(),
                        "%s spans more than %d minutes without a %d-minute break.".formatted(day.describe(),
                                day.therapist().workRules().longDayMinutes(),
                                day.therapist().workRules().breakMinutes())))
                .asConstraintDescribed("Long day without break",
                        "Rule 6: a day spanning more than 6 hours has a break of 30 minutes or more (the "
                                + "therapist's work rules may change both). Per minute beyond.",
                        HARD);
    }

    // Rule 7: hands-on minutes per therapist per calendar day stay within their cap.
    Constraint dailyHandsOnCap(ConstraintFactory factory) {
        return therapistDays(factory)
                .filter(day -> day.handsOnMinutes() > day.therapist().maxHandsOnMinutesPerDay())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        day -> day.handsOnMinutes() - day.therapist().maxHandsOnMinutesPerDay())
                .justifyWith((day, score) -> new TherapistDayJustification(day.therapist().id(), day.date(),
                        "%s has %d hands-on minutes, over the cap of %d.".formatted(day.describe(),
                                day.handsOnMinutes(), day.therapist().maxHandsOnMinutesPerDay())))
                .asConstraintDescribed("Daily hands-on cap",
                        "Rule 7: a therapist's hands-on minutes per day stay within their cap. Per minute over.",
                        HARD);
    }

    // Rule 7: high-load sessions per therapist per calendar day stay within their cap.
    Constraint dailyHighLoadCap(ConstraintFactory factory) {
        return therapistDays(factory)
                .filter(day -> day.highLoadSessions() > day.therapist().maxHighLoadSessionsPerDay())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        day -> day.highLoadSessions() - day.therapist().maxHighLoadSessionsPerDay())
                .justifyWith((day, score) -> new TherapistDayJustification(day.therapist().id(), day.date(),
                        "%s has %d high-load sessions, over the cap of %d.".formatted(day.describe(),
                                day.highLoadSessions(), day.therapist().maxHighLoadSessionsPerDay())))
                .asConstraintDescribed("Daily high-load cap",
                        "Rule 7: a therapist's high-load sessions per day stay within their cap. Per session over.",
                        HARD);
    }

    // Rule 8: the sessions of a care plan keep their order and consecutive ones are at least the minimum days apart.
    Constraint carePlanSpacingBelowMinimum(ConstraintFactory factory) {
        return consecutiveCarePlanSessions(factory)
                .filter((earlier, later) -> daysShortOfMinimum(earlier, later) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, SpaConstraintProvider::daysShortOfMinimum)
                .justifyWith((earlier, later, score) -> new SessionPairJustification(earlier.getId(), later.getId(),
                        "Sessions %d and %d of the %s are %d days apart, below the minimum of %d.".formatted(
                                earlier.getSeriesIndex() + 1, later.getSeriesIndex() + 1, earlier.getCarePlan(),
                                daysApart(earlier, later), earlier.getCarePlan().spacing().minDays())))
                .asConstraintDescribed("Care plan spacing below minimum",
                        "Rule 8: a care plan's sessions keep their order and are at least the minimum days apart. "
                                + "Per day short.",
                        HARD);
    }

    // Rule 8: two high-load sessions of the same client start at least 48 hours apart.
    Constraint highLoadSessionsTooClose(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Appointment.class)
                .filter(HIGH_LOAD_WITH_START)
                .join(factory.forEachIncludingUnassigned(Appointment.class).filter(HIGH_LOAD_WITH_START),
                        equal(Appointment::getClient),
                        filtering(SpaConstraintProvider::isOrderedPair))
                .join(SpaSettings.class,
                        Joiners.filtering((first, second, settings) -> minutesShortOfRest(first, second, settings) > 0))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, SpaConstraintProvider::minutesShortOfRest)
                .justifyWith((first, second, settings, score) -> new SessionPairJustification(first.getId(),
                        second.getId(), "%s and %s start %d minutes short of %d hours apart.".formatted(
                                first.describe(), second.describe(), minutesShortOfRest(first, second, settings),
                                settings.highLoadRestMinutes() / MINUTES_PER_HOUR)))
                .asConstraintDescribed("High-load sessions too close",
                        "Rule 8: two high-load sessions of one client start at least 48 hours apart (a spa setting). "
                                + "Per minute short.",
                        HARD);
    }

    // Rule 9: confirmed, in-progress and done sessions keep what was promised, unless the front desk releases them.
    Constraint pinnedSessionMoved(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Appointment.class)
                .filter(appointment -> appointment.isPinned() && appointment.getPublishedAssignment() != null
                        && PublishedChange.of(appointment).isChanged())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        appointment -> PublishedChange.of(appointment).minutesMoved() + MINUTES_PER_HOUR)
                .justifyWith((appointment, score) -> new SessionJustification(appointment.getId(),
                        "%s was promised and is not released, yet it %s.".formatted(appointment.describe(),
                                PublishedChange.of(appointment).describe())))
                .asConstraintDescribed("Pinned session moved",
                        "Rule 9: confirmed, in-progress and done sessions do not move unless released. "
                                + "Per minute moved, plus an hour.",
                        HARD);
    }

    // ************************************************************************
    // Medium constraints
    // ************************************************************************

    // Rule 10: every requested session is scheduled; care plan follow-ups first, then released ones, then chronic
    // clients' requests, then new requests.
    Constraint unscheduledSession(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Appointment.class)
                .filter(appointment -> appointment.getStart() == null)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM,
                        appointment -> appointment.getPriority().unscheduledWeight())
                .justifyWith((appointment, score) -> new SessionJustification(appointment.getId(),
                        "%s is not scheduled (priority: %s).".formatted(appointment.describe(),
                                appointment.getPriority())))
                .asConstraintDescribed("Unscheduled session",
                        "Rule 10: every requested session is scheduled. Per session left without a start, by "
                                + "priority: care plan follow-ups 8, released confirmed sessions 3, other requests of "
                                + "chronic clients 2, new requests 1.",
                        MEDIUM);
    }

    // Rule 11: consecutive sessions of a care plan are at most the maximum number of days apart.
    Constraint carePlanSpacingAboveMaximum(ConstraintFactory factory) {
        return consecutiveCarePlanSessions(factory)
                .filter((earlier, later) -> daysApart(earlier, later) > earlier.getCarePlan().spacing().maxDays())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM,
                        (earlier, later) -> daysApart(earlier, later) - earlier.getCarePlan().spacing().maxDays())
                .justifyWith((earlier, later, score) -> new SessionPairJustification(earlier.getId(), later.getId(),
                        "Sessions %d and %d of the %s are %d days apart, beyond the maximum of %d.".formatted(
                                earlier.getSeriesIndex() + 1, later.getSeriesIndex() + 1, earlier.getCarePlan(),
                                daysApart(earlier, later), earlier.getCarePlan().spacing().maxDays())))
                .asConstraintDescribed("Care plan spacing above maximum",
                        "Rule 11: consecutive care plan sessions are at most the maximum days apart. Per day beyond.",
                        MEDIUM);
    }

    // ************************************************************************
    // Soft constraints
    // ************************************************************************

    // Rule 12: a session starts inside the client's preferred days and hours.
    Constraint outsideClientPreferredTime(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Appointment.class)
                .filter(HAS_START)
                .filter(appointment -> minutesFromPreferredTime(appointment) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, SpaConstraintProvider::minutesFromPreferredTime)
                .justifyWith((appointment, score) -> new SessionJustification(appointment.getId(),
                        "%s starts %d minutes away from %s's preferred days and hours.".formatted(
                                appointment.describe(), minutesFromPreferredTime(appointment),
                                appointment.getClient().name())))
                .asConstraintDescribed("Outside client preferred time",
                        "Rule 12: a session starts in the client's preferred days and hours. Per minute away.", SOFT);
    }

    // Rule 13: a care plan keeps the same therapist.
    Constraint carePlanTherapistChanged(ConstraintFactory factory) {
        return consecutiveCarePlanSessions(factory)
                .filter((earlier, later) -> earlier.getCarePlan().sameTherapist()
                        && earlier.getTherapist() != null && later.getTherapist() != null
                        && earlier.getTherapist() != later.getTherapist())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (earlier, later) -> later.getDurationMinutes())
                .justifyWith((earlier, later, score) -> new SessionPairJustification(earlier.getId(), later.getId(),
                        "The %s changes therapist from %s to %s at session %d.".formatted(earlier.getCarePlan(),
                                earlier.getTherapist().name(), later.getTherapist().name(),
                                later.getSeriesIndex() + 1)))
                .asConstraintDescribed("Care plan therapist changed",
                        "Rule 13: a care plan keeps the same therapist. Per minute of the session with another one.",
                        SOFT);
    }

    // Rule 13: a client gets a preferred therapist.
    Constraint preferredTherapistMissed(ConstraintFactory factory) {
        return therapistBooked(factory)
                .filter(appointment -> appointment.getClient().prefersSomeTherapist() && !appointment.getClient()
                        .preferredTherapistIds().contains(appointment.getTherapist().id()))
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Appointment::getDurationMinutes)
                .justifyWith((appointment, score) -> new SessionJustification(appointment.getId(),
                        "%s is with %s, not a therapist %s prefers.".formatted(appointment.describe(),
                                appointment.getTherapist().name(), appointment.getClient().name())))
                .asConstraintDescribed("Preferred therapist missed",
                        "Rule 13: a client gets a preferred therapist. Per session minute.", SOFT);
    }

    // Rule 13: a client never gets a therapist they avoid.
    Constraint avoidedTherapistAssigned(ConstraintFactory factory) {
        return therapistBooked(factory)
                .filter(appointment -> appointment.getClient().avoidedTherapistIds()
                        .contains(appointment.getTherapist().id()))
                .penalizeLong(HardMediumSoftLongScore.ofSoft(10), Appointment::getDurationMinutes)
                .justifyWith((appointment, score) -> new SessionJustification(appointment.getId(),
                        "%s is with %s, whom %s asked not to see.".formatted(appointment.describe(),
                                appointment.getTherapist().name(), appointment.getClient().name())))
                .asConstraintDescribed("Avoided therapist assigned",
                        "Rule 13: a client never gets a therapist they avoid. 10 per session minute.", SOFT);
    }

    // Rule 14: care plan spacing is close to its ideal.
    Constraint carePlanSpacingOffIdeal(ConstraintFactory factory) {
        return consecutiveCarePlanSessions(factory)
                .filter((earlier, later) -> daysOffIdeal(earlier, later) > 0)
                .penalizeLong(HardMediumSoftLongScore.ofSoft(MINUTES_PER_HOUR), SpaConstraintProvider::daysOffIdeal)
                .justifyWith((earlier, later, score) -> new SessionPairJustification(earlier.getId(), later.getId(),
                        "Sessions %d and %d of the %s are %d days apart, %d days off the ideal %d-%d.".formatted(
                                earlier.getSeriesIndex() + 1, later.getSeriesIndex() + 1, earlier.getCarePlan(),
                                daysApart(earlier, later), daysOffIdeal(earlier, later),
                                earlier.getCarePlan().spacing().idealMinDays(),
                                earlier.getCarePlan().spacing().idealMaxDays())))
                .asConstraintDescribed("Care plan spacing off ideal",
                        "Rule 14: care plan spacing is close to its ideal. 60 per day off.", SOFT);
    }

    // Rule 15: hands-on minutes are balanced across therapists relative to the hours each works this week.
    Constraint unfairWorkload(ConstraintFactory factory) {
        return therapistBooked(factory)
                .groupBy(Appointment::getTherapist, sumLong(Appointment::getDurationMinutes))
                .complement(Therapist.class, therapist -> 0L)
                .filter((therapist, minutes) -> therapist.availableMinutes() > 0)
                .groupBy(countBi(), sumLong(SpaConstraintProvider::workload),
                        sumLong((therapist, minutes) -> workload(therapist, minutes) * workload(therapist, minutes)))
                .map(WorkloadUnfairness::of)
                .filter(unfairness -> unfairness > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, unfairness -> unfairness)
                .justifyWith((unfairness, score) -> new WorkloadJustification(
                        "Hands-on minutes per 1000 available minutes differ across therapists (unfairness %d)."
                                .formatted(unfairness)))
                .asConstraintDescribed("Unfair workload",
                        "Rule 15: hands-on minutes are balanced across therapists relative to their working hours. "
                                + "Per unit of unfairness.",
                        SOFT);
    }

    // Rule 16: therapists' days are compact: few idle gaps of under an hour between sessions.
    Constraint shortIdleGaps(ConstraintFactory factory) {
        return therapistDays(factory)
                .filter(day -> day.shortIdleMinutes() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, TherapistDay::shortIdleMinutes)
                .justifyWith((day, score) -> new TherapistDayJustification(day.therapist().id(), day.date(),
                        "%s has %d idle minutes in gaps of under an hour.".formatted(day.describe(),
                                day.shortIdleMinutes())))
                .asConstraintDescribed("Short idle gaps",
                        "Rule 16: therapists' days are compact, with few idle gaps of under an hour. "
                                + "Per idle minute.",
                        SOFT);
    }

    // Rule 17: when rescheduling, as little as possible of what was published moves.
    Constraint publishedSessionMoved(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Appointment.class)
                .filter(appointment -> !appointment.isPinned() && appointment.getPublishedAssignment() != null
                        && appointment.isScheduled() && PublishedChange.of(appointment).isChanged())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, SpaConstraintProvider::publishedChangeCost)
                .justifyWith((appointment, score) -> new SessionJustification(appointment.getId(),
                        "%s was published and %s.".formatted(appointment.describe(),
                                PublishedChange.of(appointment).describe())))
                .asConstraintDescribed("Published session moved",
                        "Rule 17: a published session keeps its therapist, room and time: a room change costs 10, "
                                + "a therapist change 30, a time change within the day 40, a change of day 120.",
                        SOFT);
    }

    // Rule 18: therapists' own preferences (days or hours they would rather not work).
    Constraint therapistPreferenceIgnored(ConstraintFactory factory) {
        return therapistBooked(factory)
                .filter(appointment -> minutesTherapistRatherNotWork(appointment) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
                        SpaConstraintProvider::minutesTherapistRatherNotWork)
                .justifyWith((appointment, score) -> new SessionJustification(appointment.getId(),
                        "%s falls %d minutes into a time %s would rather not work.".formatted(appointment.describe(),
                                minutesTherapistRatherNotWork(appointment), appointment.getTherapist().name())))
                .asConstraintDescribed("Therapist preference ignored",
                        "Rule 18: therapists work outside the times they would rather not work. Per minute.", SOFT);
    }

    // ************************************************************************
    // Shared streams
    // ************************************************************************

    private static UniConstraintStream<Appointment> therapistBooked(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Appointment.class).filter(THERAPIST_BOOKED);
    }

    private static UniConstraintStream<Appointment> roomBooked(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Appointment.class).filter(ROOM_BOOKED);
    }

    /**
     * One therapist's sessions on one calendar day; built identically for rules 6, 7 and 16 so that it is shared. It
     * collects a plain list: a sorted collection would lose track of a session whose start the solver just changed.
     */
    private static UniConstraintStream<TherapistDay> therapistDays(ConstraintFactory factory) {
        return therapistBooked(factory)
                .groupBy(Appointment::getTherapist, Appointment::getDayOfWeek, toList())
                .map((therapist, dayOfWeek, sessions) -> TherapistDay.of(therapist, sessions));
    }

    /**
     * Pairs of sessions that keep one resource (a therapist, a room) busy at once, each pair once. They are joined by
     * resource and start day and then filtered, which on a handful of sessions per key is cheaper than range indexes;
     * busy time that runs past midnight is also joined with the next day's sessions (a rare case: late-night spas).
     */
    private static BiConstraintStream<Appointment, Appointment> busyAtOnce(UniConstraintStream<Appointment> booked,
            UniConstraintStream<Appointment> otherBooked, Function<Appointment, Object> resource,
            ToIntFunction<Appointment> busyUntil, ToIntBiFunction<Appointment, Appointment> busyOverlap) {
        return booked
                .join(otherBooked,
                        equal(resource),
                        equal(Appointment::getDayOfWeek),
                        // The overlap (int arithmetic, mostly 0) before the pair's order (string ids).
                        filtering((first, second) -> busyOverlap.applyAsInt(first, second) > 0
                                && isOrderedPair(first, second)))
                .concat(booked
                        .filter(appointment -> busyUntil.applyAsInt(appointment) > endOfStartDay(appointment))
                        .join(otherBooked,
                                equal(resource),
                                equal(NEXT_DAY, Appointment::getDayOfWeek),
                                filtering((first, second) -> busyOverlap.applyAsInt(first, second) > 0)));
    }

    /** Pairs of a care plan's sessions that follow each other in the series, both with a start. */
    private static BiConstraintStream<Appointment, Appointment> consecutiveCarePlanSessions(
            ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Appointment.class)
                .filter(IN_CARE_PLAN_WITH_START)
                .join(factory.forEachIncludingUnassigned(Appointment.class).filter(IN_CARE_PLAN_WITH_START),
                        equal(Appointment::getCarePlan),
                        equal(NEXT_SERIES_INDEX, Appointment::getSeriesIndex));
    }

    // ************************************************************************
    // Sizes of violations
    // ************************************************************************

    /** Rule 15: a therapist's hands-on minutes per thousand of their available minutes. */
    private static long workload(Therapist therapist, long handsOnMinutes) {
        return handsOnMinutes * LOAD_SCALE / therapist.availableMinutes();
    }

    private static int minutesOutsideWindow(Appointment appointment) {
        return appointment.getDurationMinutes() - appointment.getRequestedWindow()
                .overlapMinutes(appointment.getStartMinute(), appointment.getEndMinute());
    }

    private static int minutesOutsideShift(Appointment appointment) {
        return appointment.getTherapist().minutesOutsideShifts(appointment.getStartMinute(),
                appointment.getEndMinute());
    }

    private static int minutesOfTimeOff(Appointment appointment) {
        return appointment.getTherapist().minutesOfTimeOff(appointment.getStartMinute(), appointment.getEndMinute());
    }

    private static int minutesOutsideOpeningHours(Appointment appointment, SpaSettings settings) {
        var start = appointment.getStartMinute();
        var end = appointment.getEndMinute();
        return settings.isOpen(start, end) ? 0 : WeekIntervals.minutesOutside(settings.openingHours(), start, end);
    }

    private static int minutesOffGrain(Appointment appointment, SpaSettings settings) {
        return Math.floorMod(appointment.getStartMinute(), settings.grainMinutes());
    }

    private static int minutesOutOfService(Appointment appointment) {
        return appointment.getRoom().minutesOutOfService(appointment.getStartMinute(), appointment.getEndMinute());
    }

    private static int therapistBusyOverlap(Appointment first, Appointment second) {
        return overlap(first.getStartMinute(), first.getTherapistBusyUntil(), second.getStartMinute(),
                second.getTherapistBusyUntil());
    }

    private static int roomBusyOverlap(Appointment first, Appointment second) {
        return overlap(first.getStartMinute(), first.getRoomBusyUntil(), second.getStartMinute(),
                second.getRoomBusyUntil());
    }

    private static int sessionOverlap(Appointment first, Appointment second) {
        return overlap(first.getStartMinute(), first.getEndMinute(), second.getStartMinute(),
                second.getEndMinute());
    }

    /** Each unordered pair once. */
    private static boolean isOrderedPair(Appointment first, Appointment second) {
        // Strings cache their hash: comparing hashes first is cheaper than comparing the ids on this hot path.
        var firstHash = first.getId().hashCode();
        var secondHash = second.getId().hashCode();
        return firstHash != secondHash ? firstHash < secondHash : first.getId().compareTo(second.getId()) < 0;
    }

    private static int endOfStartDay(Appointment appointment) {
        return (appointment.getDayOfWeek() + 1) * WeekInterval.MINUTES_PER_DAY;
    }

    private static int overlap(int firstStart, int firstEnd, int secondStart, int secondEnd) {
        return Math.max(0, Math.min(firstEnd, secondEnd) - Math.max(firstStart, secondStart));
    }

    private static int minutesShortOfRest(Appointment first, Appointment second, SpaSettings settings) {
        return settings.highLoadRestMinutes() - Math.abs(first.getStartMinute() - second.getStartMinute());
    }

    /** Calendar days between the two sessions' dates (Monday to Wednesday is 2); negative when out of order. */
    private static int daysApart(Appointment earlier, Appointment later) {
        return later.getDayOfWeek() - earlier.getDayOfWeek();
    }

    /** Days short of the minimum spacing; at least 1 when the later session starts first (even on the same day). */
    private static int daysShortOfMinimum(Appointment earlier, Appointment later) {
        var shortBy = earlier.getCarePlan().spacing().minDays() - daysApart(earlier, later);
        var outOfOrder = later.getStartMinute() < earlier.getStartMinute();
        return outOfOrder ? Math.max(1, shortBy) : Math.max(0, shortBy);
    }

    private static int daysOffIdeal(Appointment earlier, Appointment later) {
        return earlier.getCarePlan().spacing().daysOffIdeal(daysApart(earlier, later));
    }

    private static int minutesFromPreferredTime(Appointment appointment) {
        return appointment.getClient().minutesFromPreferredTime(appointment.getStartMinute());
    }

    private static int minutesTherapistRatherNotWork(Appointment appointment) {
        return WeekIntervals.overlapMinutes(appointment.getTherapist().ratherNotWork(),
                appointment.getStartMinute(), appointment.getEndMinute());
    }

    private static int publishedChangeCost(Appointment appointment) {
        var change = PublishedChange.of(appointment);
        var cost = 0;
        if (change.roomChanged()) {
            cost += ROOM_CHANGE_COST;
        }
        if (change.therapistChanged()) {
            cost += THERAPIST_CHANGE_COST;
        }
        if (change.dayChanged()) {
            cost += DAY_CHANGE_COST;
        } else if (change.minutesMoved() > 0) {
            cost += TIME_CHANGE_COST;
        }
        return cost;
    }
}
