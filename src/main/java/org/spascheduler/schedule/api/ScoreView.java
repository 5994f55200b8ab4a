package org.spascheduler.schedule.api;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** A score as text ("0hard/-3medium/-120soft") and as its parts. */
public record ScoreView(String score, long hard, long medium, long soft, boolean feasible) {

    public static ScoreView of(HardMediumSoftLongScore score) {
        return new ScoreView(score.toString(), score.hardScore(), score.mediumScore(), score.softScore(),
                score.isFeasible());
    }
}
