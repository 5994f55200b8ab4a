package org.spascheduler.schedule.demo;

/**
 * The demo spas, by size. Each (but OVERBOOKED) is generated around a hidden roster that breaks no hard rule, so a
 * roster placing every session is known to exist; OVERBOOKED packs its staff's days full and then asks for a fifth
 * more, so that about one request in six cannot be placed.
 *
 * @param sessionsPerWorkingDay how many sessions the hidden roster gives each therapist on each working day
 * @param overbookingFactor how many requests there are per session of the hidden roster
 */
public enum DemoSize {
    SMALL(4, 3, 60, 3, 3.0, 1.0),
    MEDIUM(12, 8, 400, 15, 5.3, 1.0),
    LARGE(40, 25, 1500, 60, 5.0, 1.0),
    OVERBOOKED(12, 8, 600, 15, 7.0, 1.2);

    private final int therapists;
    private final int rooms;
    private final int targetSessions;
    private final int carePlans;
    private final double sessionsPerWorkingDay;
    private final double overbookingFactor;

    DemoSize(int therapists, int rooms, int targetSessions, int carePlans, double sessionsPerWorkingDay,
            double overbookingFactor) {
        this.therapists = therapists;
        this.rooms = rooms;
        this.targetSessions = targetSessions;
        this.carePlans = carePlans;
        this.sessionsPerWorkingDay = sessionsPerWorkingDay;
        this.overbookingFactor = overbookingFactor;
    }

    public int therapists() {
        return therapists;
    }

    public int rooms() {
        return rooms;
    }

    /** About how many sessions the week asks for. */
    public int targetSessions() {
        return targetSessions;
    }

    public int carePlans() {
        return carePlans;
    }

    double sessionsPerWorkingDay() {
        return sessionsPerWorkingDay;
    }

    double overbookingFactor() {
        return overbookingFactor;
    }
}
