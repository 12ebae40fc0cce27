package org.rcsweep.model;

import org.rcsweep.stats.Dot;
import org.rcsweep.stats.TransposeProduct;

/**
 * Row-times-vector products with the fixed summation order of {@link Dot}, on every machine and every JVM. With
 * {@code jdk.incubator.vector} on the JVM the full product runs two rows at a time in SIMD registers; without it each
 * row is a scalar {@link Dot#scalar}; every row has the same bits either way. Square matrices come as
 * {@link AlignedRows} (the reservoirs' recurrent matrices, whose layout is part of the product's speed).
 */
final class MatVec {
    /** Rows per block when rows are visited backwards; even, so that the row pairs of the product stay the same. */
    private static final int ROWS_PER_BLOCK = 16;

    private MatVec() {
    }

    /** Σ_j a[i·n + j]·x[j] for row i of a plain row-major matrix with n columns. */
    static double row(double[] a, int i, double[] x, int n) {
        return Dot.dot(a, i * n, x, 0, n);
    }

    /** out[i] = Σ_j a_ij·x[j] for from ≤ i &lt; to (each row summed as {@link Dot#dot} sums it). */
    static void product(AlignedRows a, double[] x, double[] out, int from, int to) {
        int n = a.size();
        if (TransposeProduct.VECTORISED) {
            VectorMatVec.product(a.data(), a.offset(), a.stride(), x, n, out, from, to);
        } else {
            for (int i = from; i < to; i++) {
                out[i] = Dot.scalar(a.data(), a.rowOffset(i), x, 0, n);
            }
        }
    }

    /**
     * As {@link #product} over all rows for an x whose nonzero entries are listed, ascending, in
     * {@code nonzero[0..count)}; only those columns are read. Same bits: a zero entry of x adds fma(a_ij, 0, s) = s
     * exactly (finite a). For spike vectors with few spikes per step this reads a few entries per row instead of all.
     */
    static void productOfSparseVector(AlignedRows a, double[] x, int[] nonzero, int count, double[] out) {
        double[] data = a.data();
        int n = a.size();
        double[] partial = new double[Dot.PARTIALS];
        int grouped = Dot.groupedLength(n);
        int split = 0;
        while (split < count && nonzero[split] < grouped) {
            split++;
        }
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(partial, 0.0);
            int o = a.rowOffset(i);
            for (int k = 0; k < split; k++) {
                int j = nonzero[k];
                partial[j & (Dot.PARTIALS - 1)] = Math.fma(data[o + j], x[j], partial[j & (Dot.PARTIALS - 1)]);
            }
            double total = Dot.combine(partial);
            for (int k = split; k < count; k++) {
                total = Math.fma(data[o + nonzero[k]], x[nonzero[k]], total);
            }
            out[i] = total;
        }
    }

    /**
     * As {@link #product}, visiting the rows in blocks from the last to the first (same value for every row). A step
     * that runs through W in the opposite direction of the step before starts on the rows the caches still hold:
     * about a megabyte (the L2 cache) less to stream from L3 per core and step, which is most of the cost of a step
     * once W no longer fits in L2.
     */
    static void productDescending(AlignedRows a, double[] x, double[] out, int from, int to) {
        int last = from + (to - from - 1) / ROWS_PER_BLOCK * ROWS_PER_BLOCK;
        for (int block = last; block >= from; block -= ROWS_PER_BLOCK) {
            product(a, x, out, block, Math.min(to, block + ROWS_PER_BLOCK));
        }
    }
}
