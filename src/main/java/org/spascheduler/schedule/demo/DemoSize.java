package org.spascheduler.schedule.demo;

/**
 * The demo spas, by size and shape. Each is generated around a hidden roster that breaks no hard rule, so a roster
 * placing every session is known to exist; the overbooked ones pack their staff's days full and then ask for a fifth
 * (OVERBOOKED) or a quarter (CLINIC_OVERBOOKED) more, so that about one request in six or five cannot be placed.
 *
 * @param sessionsPerWorkingDay how many sessions the hidden roster gives each therapist on each working day
 * @param overbookingFactor how many requests there are per session of the hidden roster
 */
public enum DemoSize {
    SMALL(4, 3, 60, 3, 3.0, 1.0),
    MEDIUM(12, 8, 400, 15, 5.3, 1.0),
    LARGE(40, 25, 1500, 60, 5.0, 1.0),
    OVERBOOKED(12, 8, 600, 15, 7.0, 1.2),
    /**
     * A room-bound clinic (issue 15): more therapists than rooms can host, and one room with a stone heater that hot
     * stone needs and any other treatment may also use. The hidden roster fills the rooms.
     */
    CLINIC(16, 6, 520, 20, 5.5, 1.0, SpaShape.ROOM_BOUND_CLINIC),
    /** The same clinic asked for a quarter more than its hidden roster holds. */
    CLINIC_OVERBOOKED(16, 6, 650, 20, 5.5, 1.25, SpaShape.ROOM_BOUND_CLINIC);

    /** How the spa is built, beyond its numbers. */
    enum SpaShape {
        /** The demo spa: a few rooms with special features among many plain ones, a tenth of the requests hot stone. */
        DAY_SPA,
        /** One room with a stone heater among few; a fifth of the requests hot stone. */
        ROOM_BOUND_CLINIC
    }

    private final int therapists;
    private final int rooms;
    private final int targetSessions;
    private final int carePlans;
    private final double sessionsPerWorkingDay;
    private final double overbookingFactor;
    private final SpaShape shape;

    DemoSize(int therapists, int rooms, int targetSessions, int carePlans, double sessionsPerWorkingDay,
            double overbookingFactor) {
        this(therapists, rooms, targetSessions, carePlans, sessionsPerWorkingDay, overbookingFactor,
                SpaShape.DAY_SPA);
    }

    DemoSize(int therapists, int rooms, int targetSessions, int carePlans, double sessionsPerWorkingDay,
            double overbookingFactor, SpaShape shape) {
        this.shape = shape;
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

    /** Whether the week asks for more than its hidden roster holds, so that some requests cannot be placed. */
    public boolean overbooked() {
        return overbookingFactor > 1.0;
    }

    SpaShape shape() {
        return shape;
    }
}
