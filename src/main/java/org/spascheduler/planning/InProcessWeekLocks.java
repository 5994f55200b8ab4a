package org.spascheduler.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@link WeekLocks} for one service node: a fair lock per week in this JVM. Several nodes on one database need a lock
 * they all see instead (e.g. a row per week locked with SELECT ... FOR UPDATE), which replaces this bean.
 */
@Component
class InProcessWeekLocks implements WeekLocks {

    private final ConcurrentHashMap<LocalDate, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Duration maxWait;

    InProcessWeekLocks(@Value("${spa.week-lock.max-wait:500ms}") Duration maxWait) {
        this.maxWait = maxWait;
    }

    @Override
    public <T> T withWeek(LocalDate weekStart, Supplier<T> action) {
        var lock = lock(weekStart);
        try {
            if (!lock.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new WeekBusyException(weekStart, maxWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeekBusyException(weekStart, maxWait);
        }
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T withWeekWhenFree(LocalDate weekStart, Supplier<T> action) {
        var lock = lock(weekStart);
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock lock(LocalDate weekStart) {
        return locks.computeIfAbsent(weekStart, week -> new ReentrantLock(true));
    }
}
