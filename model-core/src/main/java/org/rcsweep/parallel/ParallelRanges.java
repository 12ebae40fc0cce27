package org.rcsweep.parallel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs the parts 0 … count − 1 of a task with each thread claiming the next part as it becomes free ({@link #claim}),
 * for work whose parts write disjoint results: the outcome depends neither on the number of threads nor on which
 * thread did which part. Parts that must run at the same time use {@link ResidentThreads}.
 */
public final class ParallelRanges {
    /**
     * Values a thread should have to go through (a simple pass over arrays) before a pass is worth splitting: starting
     * and joining a thread costs tens of microseconds, about what a core takes for this many values.
     */
    public static final int MIN_VALUES_PER_THREAD = 1 << 16;
    /** States of a helper of {@link #claim}. */
    private static final int WAITING = 0;
    private static final int RUNNING = 1;
    private static final int DROPPED = 2;

    /** One part of {@link #claim}, with the claiming thread's own scratch. */
    @FunctionalInterface
    public interface PartTask<S> {
        void run(S scratch, int part);
    }

    private ParallelRanges() {
    }

    /**
     * Threads worth using for a pass over {@code values} values: at most {@code threads}, and no more than give each at
     * least {@link #MIN_VALUES_PER_THREAD} (at least one).
     */
    public static int threadsFor(long values, int threads) {
        return (int) Math.max(1, Math.min(threads, values / MIN_VALUES_PER_THREAD));
    }

    /**
     * Runs task(scratch, i) for every part 0 ≤ i &lt; count, in increasing order of claims: each thread takes the next
     * unclaimed part whenever it finishes one, so a thread on a core slowed by other load, or given the heavier parts,
     * does fewer of them (list the heaviest first). {@code scratch} is called once per thread for its working memory.
     * On a shared machine one core can run several percent slower than another for minutes, which fixed ranges
     * make every parallel section wait for.
     *
     * <p>The calling thread claims parts too; the helpers are tasks of the JVM's common fork-join pool, whose threads
     * stay alive between calls (starting and joining a thread of its own per call costs about a hundred
     * microseconds, and a memory point runs hundreds of parallel sections). A helper that has not started by the
     * time the caller has run out of parts is dropped, so a busy pool only means fewer helpers, never a wait for one:
     * nothing here may rely on the parts running at the same time (the reservoir's barrier loop uses
     * {@link ResidentThreads}).
     */
    public static <S> void claim(int threads, int count, Supplier<S> scratch, PartTask<S> task) {
        int helpers = Math.min(threads, count) - 1;
        if (helpers <= 0) {
            S own = scratch.get();
            for (int i = 0; i < count; i++) {
                task.run(own, i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicIntegerArray state = new AtomicIntegerArray(helpers); // WAITING, then RUNNING (helper) or DROPPED (caller)
        CountDownLatch finished = new CountDownLatch(helpers);
        Runnable claims = () -> {
            try {
                S own = scratch.get();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.run(own, i);
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                next.set(count); // the others stop at their next claim
            }
        };
        for (int h = 0; h < helpers; h++) {
            int helper = h;
            ForkJoinPool.commonPool().execute(() -> {
                if (state.compareAndSet(helper, WAITING, RUNNING)) {
                    try {
                        claims.run();
                    } finally {
                        finished.countDown();
                    }
                }
            });
        }
        claims.run();
        for (int h = 0; h < helpers; h++) {
            if (state.compareAndSet(h, WAITING, DROPPED)) {
                finished.countDown();
            }
        }
        awaitParts(finished, failure);
    }

    /**
     * Waits for {@code done} through interrupts (keeping the interrupt status), so that every part has ended and its
     * writes are visible to the caller; then reports the first failure of a part, if any.
     */
    static void awaitParts(CountDownLatch done, AtomicReference<Throwable> failure) {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw new PartFailure(failure.get());
        }
    }
}
