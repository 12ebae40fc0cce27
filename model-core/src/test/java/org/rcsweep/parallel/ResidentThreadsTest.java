package org.rcsweep.parallel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResidentThreadsTest {
    /**
     * The parts of a call run at the same time (they meet at a barrier every round, which would never open for a part
     * that waited for another to finish), each exactly once, over many calls.
     */
    @Test
    void partsRunTogetherAndEachOncePerCall() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int parts = 1; parts <= 4; parts++) {
                ResidentThreads threads = new ResidentThreads("test", 3);
                for (int call = 0; call < 200; call++) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(parts);
                    SpinBarrier barrier = new SpinBarrier(parts);
                    threads.run(parts, part -> {
                        for (int round = 0; round < 5; round++) {
                            barrier.await();
                        }
                        runs.incrementAndGet(part);
                    });
                    for (int p = 0; p < parts; p++) {
                        assertEquals(1, runs.get(p), "part " + p + " of " + parts + ", call " + call);
                    }
                }
            }
        });
    }

    /** Part 0 runs on the caller; the other parts keep their threads from call to call. */
    @Test
    void helpersStayBetweenCallsAndEndAfterAnIdleSpell() throws InterruptedException {
        ResidentThreads threads = new ResidentThreads("test", 2);
        AtomicReferenceArray<Thread> first = new AtomicReferenceArray<>(3);
        AtomicReferenceArray<Thread> second = new AtomicReferenceArray<>(3);
        threads.run(3, part -> first.set(part, Thread.currentThread()));
        threads.run(3, part -> second.set(part, Thread.currentThread()));
        assertSame(Thread.currentThread(), first.get(0));
        for (int p = 1; p < 3; p++) {
            assertNotSame(Thread.currentThread(), first.get(p));
            assertSame(first.get(p), second.get(p), "helper " + p + " kept between calls");
        }
        assertNotSame(first.get(1), first.get(2));

        long idleMillis = TimeUnit.NANOSECONDS.toMillis(ResidentThreads.IDLE_NANOS);
        for (int p = 1; p < 3; p++) {
            first.get(p).join(idleMillis + 5_000);
            assertFalse(first.get(p).isAlive(), "helper " + p + " ends after " + idleMillis + " ms without work");
        }
        AtomicReferenceArray<Thread> third = new AtomicReferenceArray<>(3);
        threads.run(3, part -> third.set(part, Thread.currentThread()));
        for (int p = 1; p < 3; p++) {
            assertNotSame(first.get(p), third.get(p), "a new helper after the old one ended");
            assertTrue(third.get(p) != null);
        }
    }

    /** A failing part is reported after every part has ended, and the helpers still serve the next call. */
    @Test
    void aFailingPartIsReportedAndTheNextCallRuns() {
        ResidentThreads threads = new ResidentThreads("test", 1);
        for (int failing = 0; failing < 2; failing++) {
            int bad = failing;
            AtomicIntegerArray ended = new AtomicIntegerArray(2);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> threads.run(2, part -> {
                ended.incrementAndGet(part);
                if (part == bad) {
                    throw new ArithmeticException("part " + bad);
                }
            }));
            assertInstanceOf(ArithmeticException.class, e.getCause());
            assertEquals(1, ended.get(0));
            assertEquals(1, ended.get(1));
        }
        AtomicIntegerArray runs = new AtomicIntegerArray(2);
        threads.run(2, runs::incrementAndGet);
        assertEquals(1, runs.get(0));
        assertEquals(1, runs.get(1));
    }

    @Test
    void rejectsMorePartsThanHelpersAndCaller() {
        ResidentThreads threads = new ResidentThreads("test", 1);
        assertThrows(IllegalArgumentException.class, () -> threads.run(3, part -> { }));
        assertThrows(IllegalArgumentException.class, () -> threads.run(0, part -> { }));
    }
}
