package org.spascheduler.planning;

/**
 * A number that moves on every write to the spa's books, so that what is derived from them (the weeks kept scored
 * between questions, {@link ScoredWeeks}) can be kept between requests and known stale the moment anything changes:
 * appointments, therapists, rooms, clients, care plans, the spa, constraint weights. Correctness first: an option must
 * never be offered from a week that has changed.
 */
public interface BooksGeneration {

    /** The books as they are now; a copy made after reading this is current while this stays the same. */
    long current();
}
