package org.rcsweep.parallel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Helper threads one owner keeps between its calls, for parts that must run at the same time (a reservoir's threads
 * meet at a barrier every step, so a part that waited for a free pool thread would stall the others). Starting and
 * joining a thread per call costs about a hundred microseconds; a resident helper is handed the next call's part
 * instead. A helper left without work for {@link #IDLE_NANOS} ends, and the next call starts a new one, so an owner
 * that is dropped leaves no thread behind for long. Calls must not overlap (one caller at a time).
 */
public final class ResidentThreads {
    /** How long a helper waits for its next part before it ends. */
    static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private final String name;
    private final Helper[] helpers;

    /** @param helpers the most parts a call runs besides the caller's own */
    public ResidentThreads(String name, int helpers) {
        this.name = name;
        this.helpers = new Helper[helpers];
    }

    /** Runs part(0) on the calling thread and part(1) … part(parts − 1) on the helpers, all at once; returns when all end. */
    public void run(int parts, IntConsumer part) {
        if (parts < 1 || parts - 1 > helpers.length) {
            throw new IllegalArgumentException("parts must be in [1, " + (helpers.length + 1) + "], got " + parts);
        }
        CountDownLatch done = new CountDownLatch(parts - 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int p = 1; p < parts; p++) {
            int index = p;
            Runnable job = () -> {
                try {
                    part.accept(index);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            };
            Helper h = helpers[p - 1];
            if (h == null || !h.offer(job)) { // none yet, or it ended while idle
                h = new Helper(name);
                h.offer(job);
                h.start();
                helpers[p - 1] = h;
            }
        }
        try {
            part.accept(0);
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
        ParallelRanges.awaitParts(done, failure);
    }

    /** One resident thread: runs the parts it is offered, one at a time, and ends after an idle spell. */
    private static final class Helper extends Thread {
        private Runnable job;
        private boolean ended;

        Helper(String name) {
            super(name);
            setDaemon(true);
        }

        /** Hands over the next part; false if this helper has ended (the caller then starts another). */
        synchronized boolean offer(Runnable next) {
            if (ended) {
                return false;
            }
            job = next;
            notifyAll();
            return true;
        }

        @Override
        public void run() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    long deadline = System.nanoTime() + IDLE_NANOS;
                    while (job == null) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            ended = true;
                            return;
                        }
                        try {
                            TimeUnit.NANOSECONDS.timedWait(this, left);
                        } catch (InterruptedException e) {
                            // nobody interrupts these threads; a part offered meanwhile must still run
                        }
                    }
                    next = job;
                    job = null;
                }
                next.run();
            }
        }
    }
}
