package org.spascheduler.schedule.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** Why a constraint matched, in one sentence a spa manager understands. */
public sealed interface RosterJustification extends ConstraintJustification
        permits SessionJustification, SessionPairJustification, TherapistDayJustification, WorkloadJustification {

    String description();
}
