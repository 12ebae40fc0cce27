package org.rcsweep.parallel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reusable barrier for a few threads that meet once per simulation step. Waiting threads spin instead of
 * parking: a step of a large reservoir takes tens of microseconds, parking and waking a thread about as long.
 * The last thread to arrive opens the next phase with a volatile write, which publishes every thread's writes
 * before the barrier to every thread after it.
 */
public final class SpinBarrier {
    /**
     * Spins (a few microseconds) before a waiting thread starts yielding its core at every check. When the JIT
     * compiler, the garbage collector or another task's thread takes the core of a thread that has not arrived yet,
     * a waiter that only spins keeps its own core busy doing nothing while the late thread waits for a core; a
     * yielding waiter hands its core over. With nothing else runnable, yield returns at once.
     */
    static final int SPINS_BEFORE_YIELDING = 256;
    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int phase;
    private volatile boolean broken;

    public SpinBarrier(int parties) {
        this.parties = parties;
    }

    public int parties() {
        return parties;
    }

    public void await() {
        int p = phase;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            phase = p + 1;
            return;
        }
        for (int spins = 0; phase == p; spins++) {
            if (broken) {
                throw new IllegalStateException("a simulation thread failed");
            }
            if (spins < SPINS_BEFORE_YIELDING) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** Releases the waiting threads with an error when one thread cannot go on. */
    public void breakBarrier() {
        broken = true;
    }
}
