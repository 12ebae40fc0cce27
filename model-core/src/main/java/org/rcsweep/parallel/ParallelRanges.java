package org.rcsweep.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a task over [0, count) split into contiguous ranges, one per thread (the caller takes the first), or with each
 * thread claiming the next part as it becomes free ({@link #claim}), for work whose parts write disjoint results: the
 * outcome depends neither on the number of threads nor on which thread did which part.
 */
public final class ParallelRanges {
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    /**
     * Values a thread should have to go through (a simple pass over arrays) before a pass is worth splitting: starting
     * and joining a thread costs tens of microseconds, about what a core takes for this many values.
     */
    public static final int MIN_VALUES_PER_THREAD = 1 << 16;

    /** One part of {@link #claim}, with the claiming thread's own scratch. */
    @FunctionalInterface
    public interface PartTask<S> {
        void run(S scratch, int part);
    }

    private ParallelRanges() {
    }

    /**
     * Runs task(scratch, i) for every part 0 ≤ i &lt; count, in increasing order of claims: each thread takes the next
     * unclaimed part whenever it finishes one, so a thread on a core slowed by other load, or given the heavier parts,
     * does fewer of them (list the heaviest first). {@code scratch} is called once per thread for its working memory.
     * On a 2-core VM one core often runs several percent slower than the other for minutes, which fixed ranges make
     * every parallel section wait for.
     */
    public static <S> void claim(int threads, int count, Supplier<S> scratch, PartTask<S> task) {
        AtomicInteger next = new AtomicInteger();
        int parts = Math.max(1, Math.min(threads, count));
        run(parts, parts, (first, last) -> {
            S own = scratch.get();
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                task.run(own, i);
            }
        });
    }

    public static void run(int threads, int count, RangeTask task) {
        int parts = Math.max(1, Math.min(threads, count));
        if (parts == 1) {
            task.run(0, count);
            return;
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] helpers = new Thread[parts - 1];
        for (int t = 1; t < parts; t++) {
            int from = (int) ((long) count * t / parts);
            int to = (int) ((long) count * (t + 1) / parts);
            helpers[t - 1] = new Thread(() -> {
                try {
                    task.run(from, to);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "rcsweep-worker");
            helpers[t - 1].setDaemon(true);
            helpers[t - 1].start();
        }
        try {
            task.run(0, count / parts);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            for (Thread h : helpers) {
                try {
                    h.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, e);
                }
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a parallel part failed", failure.get());
        }
    }
}
