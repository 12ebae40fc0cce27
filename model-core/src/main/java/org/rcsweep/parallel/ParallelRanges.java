package org.rcsweep.parallel;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a task over [0, count) split into contiguous ranges, one per thread (the caller takes the first), for work
 * whose parts write disjoint results: the outcome does not depend on the number of threads.
 */
public final class ParallelRanges {
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    private ParallelRanges() {
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
