package org.spascheduler.roster;

import java.util.concurrent.Semaphore;

/**
 * How many roster jobs this node may solve at once: the one part of the roster job queue kept in memory, because it is
 * this node's own (its cores). The queue itself (which jobs wait, in what order, how many may) is the ROSTER_JOB rows,
 * shared by every node on the database. Behind an interface so that a version counting in the database (say, SOLVING
 * rows per node, for a limit across nodes) could replace it.
 */
interface SolvingSlots {

    /** Takes a slot when one is free; a job may then start solving. */
    boolean tryTake();

    /** Gives back a slot taken, once its job has ended. */
    void give();

    /** Slots free right now. */
    int free();

    static SolvingSlots onThisNode(int slots) {
        var free = new Semaphore(slots);
        return new SolvingSlots() {

            @Override
            public boolean tryTake() {
                return free.tryAcquire();
            }

            @Override
            public void give() {
                free.release();
            }

            @Override
            public int free() {
                return free.availablePermits();
            }
        };
    }
}
