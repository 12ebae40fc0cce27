package org.rcsweep.parallel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelRangesTest {
    /** Every part runs exactly once, whatever the threads, and each thread keeps its own scratch. */
    @Test
    void claimRunsEveryPartOnceWithOneScratchPerThread() {
        for (int threads : new int[]{1, 2, 3, 8}) {
            for (int count : new int[]{0, 1, 2, 5, 100}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(1, count));
                Set<int[]> scratches = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
                ParallelRanges.claim(threads, count, () -> new int[1], (scratch, part) -> {
                    scratches.add(scratch);
                    scratch[0]++;
                    runs.incrementAndGet(part);
                    if (part % 7 == 0) {
                        Thread.onSpinWait(); // uneven parts
                    }
                });
                for (int i = 0; i < count; i++) {
                    assertEquals(1, runs.get(i), "part " + i + " of " + count + " on " + threads + " threads");
                }
                int total = scratches.stream().mapToInt(s -> s[0]).sum();
                assertEquals(count, total);
                assertTrue(scratches.size() <= Math.max(1, Math.min(threads, count)), scratches.size() + " scratches");
            }
        }
    }

    /** With every thread of the common pool busy, the caller claims all parts itself instead of waiting for one. */
    @Test
    void claimDoesNotWaitForABusyPool() throws Exception {
        int workers = ForkJoinPool.commonPool().getParallelism();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch occupied = new CountDownLatch(workers);
        for (int w = 0; w < workers; w++) {
            ForkJoinPool.commonPool().execute(() -> {
                occupied.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            assertTrue(occupied.await(10, TimeUnit.SECONDS), "the pool's threads did not all start");
            AtomicIntegerArray runs = new AtomicIntegerArray(50);
            assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> ParallelRanges.claim(4, 50, () -> null, (none, part) -> runs.incrementAndGet(part)));
            for (int i = 0; i < 50; i++) {
                assertEquals(1, runs.get(i), "part " + i);
            }
        } finally {
            release.countDown();
        }
    }

    @Test
    void threadsForGivesEachThreadEnoughValues() {
        int min = ParallelRanges.MIN_VALUES_PER_THREAD;
        assertEquals(1, ParallelRanges.threadsFor(0, 4));
        assertEquals(1, ParallelRanges.threadsFor(2L * min - 1, 4));
        assertEquals(2, ParallelRanges.threadsFor(2L * min, 4));
        assertEquals(4, ParallelRanges.threadsFor(100L * min, 4));
        assertEquals(1, ParallelRanges.threadsFor(100L * min, 1));
    }

    @Test
    void claimReportsAFailedPart() {
        assertThrows(IllegalStateException.class, () -> ParallelRanges.claim(2, 10, () -> null, (s, part) -> {
            if (part == 6) {
                throw new ArithmeticException("part 6");
            }
        }));
    }
}
