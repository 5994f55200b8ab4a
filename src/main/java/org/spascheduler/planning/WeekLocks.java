package org.spascheduler.planning;

import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * One front-desk change to a week at a time: an event, a repair or a booking reads the week, decides and writes, and
 * the next one starts from what it wrote. So two desks acting at once never lose each other's change; the second one
 * sees the first one's result (and gets 409 when its own change no longer makes sense).
 */
@Component
public class WeekLocks {

    private final ConcurrentHashMap<LocalDate, ReentrantLock> locks = new ConcurrentHashMap<>();

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
