package org.rcsweep.parallel;

import java.util.Arrays;

/**
 * Splits n rows into contiguous ranges, one per thread, in proportion to the rate at which each thread went through
 * its range last time. Threads that meet at a barrier every step finish each step with the slowest range; on a shared
 * machine one core can run several percent slower than another for minutes, and equal ranges make the faster
 * thread wait that long every step. Which thread computes a row never changes the row's value, so the split may
 * follow the machine's timing.
 *
 * <p>Each new estimate is averaged with the shares before it, so that one range slowed once (a collection, a
 * compilation on its core) moves the split only half way; no thread's share falls below half of an equal share.
 * One instance serves one sequence of calls (it is not thread-safe; the threads' times are recorded after they
 * have joined).
 */
public final class RowBalance {
    private final double[] shares;
    private final int multiple;

    /**
     * @param parts    threads (ranges)
     * @param multiple every inner bound is a multiple of this (rows a kernel takes together), at least 1
     */
    public RowBalance(int parts, int multiple) {
        if (parts < 1 || multiple < 1) {
            throw new IllegalArgumentException("parts and multiple must be at least 1, got " + parts + ", " + multiple);
        }
        this.shares = new double[parts];
        Arrays.fill(shares, 1.0 / parts);
        this.multiple = multiple;
    }

    public int parts() {
        return shares.length;
    }

    /**
     * Bounds 0 = b₀ ≤ b₁ ≤ … ≤ b_parts = n of the ranges [b_k, b_{k+1}), inner bounds multiples of {@code multiple}
     * in proportion to the current shares.
     */
    public int[] bounds(int n) {
        int parts = shares.length;
        int[] b = new int[parts + 1];
        double cumulative = 0;
        for (int k = 1; k < parts; k++) {
            cumulative += shares[k - 1];
            int bound = (int) Math.round(n * cumulative / multiple) * multiple;
            b[k] = Math.max(b[k - 1], Math.min(n, bound));
        }
        b[parts] = n;
        return b;
    }

    /**
     * Records how long each range of {@code bounds} kept its thread busy (waiting excluded) and moves the shares
     * toward the measured rates.
     */
    public void record(int[] bounds, long[] busyNanos) {
        int parts = shares.length;
        if (bounds.length != parts + 1 || busyNanos.length != parts) {
            throw new IllegalArgumentException("expected " + (parts + 1) + " bounds and " + parts + " times, got "
                    + bounds.length + " and " + busyNanos.length);
        }
        double[] rate = new double[parts];
        double total = 0;
        for (int k = 0; k < parts; k++) {
            int rows = bounds[k + 1] - bounds[k];
            if (rows == 0 || busyNanos[k] <= 0) {
                return; // nothing measured for a range: keep the shares
            }
            rate[k] = rows / (double) busyNanos[k];
            total += rate[k];
        }
        double floor = 0.5 / parts;
        double sum = 0;
        for (int k = 0; k < parts; k++) {
            shares[k] = Math.max(floor, 0.5 * shares[k] + 0.5 * rate[k] / total);
            sum += shares[k];
        }
        for (int k = 0; k < parts; k++) {
            shares[k] /= sum;
        }
    }

    /** The current shares (a copy), summing to 1. */
    public double[] shares() {
        return shares.clone();
    }
}
