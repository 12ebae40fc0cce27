package org.rcsweep.model;

import org.rcsweep.stats.Dot;
import org.rcsweep.stats.TransposeProduct;

/**
 * Row-times-vector products with the fixed summation order of {@link Dot}, on every machine and every JVM. With
 * {@code jdk.incubator.vector} on the JVM the full product runs two rows at a time in SIMD registers; without it each
 * row is a scalar {@link Dot#scalar}; every row has the same bits either way.
 */
final class MatVec {
    /** Rows per block when rows are visited backwards; even, so that the row pairs of the product stay the same. */
    private static final int ROWS_PER_BLOCK = 16;

    private MatVec() {
    }

    /** Σ_j a[i·n + j]·x[j]. */
    static double row(double[] a, int i, double[] x, int n) {
        return Dot.dot(a, i * n, x, 0, n);
    }

    /** out[i] = Σ_j a[i·n + j]·x[j] for every row i of an n × n matrix (each row summed as {@link #row} does). */
    static void product(double[] a, double[] x, int n, double[] out) {
        product(a, x, n, out, 0, n);
    }

    /** As {@link #product(double[], double[], int, double[])} for rows from ≤ i &lt; to only. */
    static void product(double[] a, double[] x, int n, double[] out, int from, int to) {
        if (TransposeProduct.VECTORISED) {
            VectorMatVec.product(a, x, n, out, from, to);
        } else {
            for (int i = from; i < to; i++) {
                out[i] = Dot.scalar(a, i * n, x, 0, n);
            }
        }
    }

    /** As {@link #product(double[], double[], int, double[], int, int)} for the rows of {@code a} as laid out there. */
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
     * As {@link #product(double[], double[], int, double[])} for an x whose nonzero entries are listed, ascending, in
     * {@code nonzero[0..count)}; only those columns are read. Same bits: a zero entry of x adds fma(a_ij, 0, s) = s
     * exactly (finite a). For spike vectors with few spikes per step this reads a few entries per row instead of all.
     */
    static void productOfSparseVector(double[] a, double[] x, int n, int[] nonzero, int count, double[] out) {
        productOfSparseVector(a, 0, n, x, n, nonzero, count, out);
    }

    /** As {@link #productOfSparseVector(double[], double[], int, int[], int, double[])} for the rows of {@code a}. */
    static void productOfSparseVector(AlignedRows a, double[] x, int[] nonzero, int count, double[] out) {
        productOfSparseVector(a.data(), a.offset(), a.stride(), x, a.size(), nonzero, count, out);
    }

    private static void productOfSparseVector(double[] a, int offset, int stride, double[] x, int n, int[] nonzero,
                                              int count, double[] out) {
        double[] partial = new double[Dot.PARTIALS];
        int grouped = Dot.groupedLength(n);
        int split = 0;
        while (split < count && nonzero[split] < grouped) {
            split++;
        }
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(partial, 0.0);
            int o = offset + i * stride;
            for (int k = 0; k < split; k++) {
                int j = nonzero[k];
                partial[j & (Dot.PARTIALS - 1)] = Math.fma(a[o + j], x[j], partial[j & (Dot.PARTIALS - 1)]);
            }
            double total = Dot.combine(partial);
            for (int k = split; k < count; k++) {
                total = Math.fma(a[o + nonzero[k]], x[nonzero[k]], total);
            }
            out[i] = total;
        }
    }

    /**
     * As {@link #product(double[], double[], int, double[], int, int)}, visiting the rows in blocks from the last to
     * the first (same value for every row). A step that runs through W in the opposite direction of the step before
     * starts on the rows the caches still hold: about a megabyte (the L2 cache) less to stream from L3 per core and
     * step, which is most of the cost of a step once W no longer fits in L2.
     */
    static void productDescending(double[] a, double[] x, int n, double[] out, int from, int to) {
        int last = from + (to - from - 1) / ROWS_PER_BLOCK * ROWS_PER_BLOCK;
        for (int block = last; block >= from; block -= ROWS_PER_BLOCK) {
            product(a, x, n, out, block, Math.min(to, block + ROWS_PER_BLOCK));
        }
    }

    /** As {@link #productDescending(double[], double[], int, double[], int, int)} for the rows of {@code a}. */
    static void productDescending(AlignedRows a, double[] x, double[] out, int from, int to) {
        int last = from + (to - from - 1) / ROWS_PER_BLOCK * ROWS_PER_BLOCK;
        for (int block = last; block >= from; block -= ROWS_PER_BLOCK) {
            product(a, x, out, block, Math.min(to, block + ROWS_PER_BLOCK));
        }
    }
}
