package org.spascheduler.planning;

import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * {@link WeekLocks} for one service node: a fair lock per week in this JVM. Several nodes on one database need a lock
 * they all see instead (e.g. a row per week locked with SELECT ... FOR UPDATE), which replaces this bean.
 */
@Component
class InProcessWeekLocks implements WeekLocks {

    private final ConcurrentHashMap<LocalDate, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Override
    public <T> T withWeek(LocalDate weekStart, Supplier<T> action) {
        var lock = locks.computeIfAbsent(weekStart, week -> new ReentrantLock(true));
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
