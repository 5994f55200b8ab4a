package org.spascheduler.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.spascheduler.booking.Placement;

class WeekRepairsTest {

    private static final LocalDate MONDAY = LocalDate.of(2040, 1, 2);

    @Test
    void changesWaitingWhileAWeekIsRepairedAreRepairedTogetherOnce() throws Exception {
        var repair = mock(RosterRepair.class);
        var repairs = new AtomicInteger();
        var firstStarted = new CountDownLatch(1);
        var othersWaiting = new CountDownLatch(1);
        var seen = new ArrayList<Map<String, Placement>>();
        when(repair.repairWithoutTheLock(eq(MONDAY), any())).thenAnswer(call -> {
            synchronized (seen) {
                seen.add(new HashMap<>(call.getArgument(1)));
            }
            if (repairs.incrementAndGet() == 1) {
                firstStarted.countDown();
                othersWaiting.await(10, TimeUnit.SECONDS);
            }
            return new RosterRepair.Outcome(List.of(), "0hard/0medium/0soft");
        });
        var weekRepairs = new WeekRepairs(repair);
        var executor = Executors.newFixedThreadPool(4);
        try {
            var first = executor.submit(() -> weekRepairs.after(MONDAY, Map.of("a", Placement.NONE)));
            firstStarted.await(10, TimeUnit.SECONDS);
            var later = new ArrayList<Future<WeekRepairs.Repaired>>();
            for (var id : List.of("b", "c", "d")) {
                later.add(executor.submit(() -> weekRepairs.after(MONDAY, Map.of(id, Placement.NONE))));
            }
            Thread.sleep(300);
            othersWaiting.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).ranIt()).isTrue();
            var ran = 0;
            for (var repaired : later) {
                ran += repaired.get(10, TimeUnit.SECONDS).ranIt() ? 1 : 0;
            }
            assertThat(repairs).hasValue(2);
            assertThat(ran).isEqualTo(1);
            assertThat(seen.get(1)).containsOnlyKeys("b", "c", "d");
        } finally {
            executor.shutdownNow();
        }
    }
}
