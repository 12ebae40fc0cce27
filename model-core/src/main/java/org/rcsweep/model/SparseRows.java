package org.rcsweep.model;

import org.rcsweep.stats.Dot;

/**
 * A square matrix in compressed sparse rows whose row products have the bits of the dense {@link MatVec#product}.
 *
 * <p>The dense product sums entry j of a row into partial sum j mod 16 (for j below the largest multiple of four),
 * combines the partial sums in a fixed order and then adds the last n mod 4 entries one by one ({@link Dot}). A zero
 * entry adds fma(0, x_j, s) = s exactly (x finite; a non-finite state is a diverged reservoir either way), so doing
 * the same with the nonzero entries only, in increasing column order, gives the same value (up to the sign of a sum
 * that is exactly zero after an underflow): the sparse path changes the cost, not the result. For an echo state network with density p it does about p·N² instead of N² multiply–adds
 * per step, though without SIMD, so it pays below a density of about {@link #MAX_DENSITY}.
 */
final class SparseRows {
    /** Above this fraction of nonzero entries the dense SIMD product is the faster one. */
    static final double MAX_DENSITY = 0.1;
    private final int n;
    private final int[] rowStart;
    private final int[] column;
    private final double[] value;

    private SparseRows(int n, int[] rowStart, int[] column, double[] value) {
        this.n = n;
        this.rowStart = rowStart;
        this.column = column;
        this.value = value;
    }

    /** The nonzero entries of the row-major n × n matrix, or null if more than {@link #MAX_DENSITY} are nonzero. */
    static SparseRows ofSparse(double[] w, int n) {
        long nonzero = 0;
        for (double v : w) {
            if (v != 0.0) {
                nonzero++;
            }
        }
        if (n == 0 || nonzero > MAX_DENSITY * n * (double) n) {
            return null;
        }
        int[] rowStart = new int[n + 1];
        int[] column = new int[(int) nonzero];
        double[] value = new double[(int) nonzero];
        int k = 0;
        for (int i = 0; i < n; i++) {
            rowStart[i] = k;
            for (int j = 0; j < n; j++) {
                double v = w[i * n + j];
                if (v != 0.0) {
                    column[k] = j;
                    value[k] = v;
                    k++;
                }
            }
        }
        rowStart[n] = k;
        return new SparseRows(n, rowStart, column, value);
    }

    long nonzeros() {
        return rowStart[n];
    }

    /** out[i] = row i times x for from ≤ i &lt; to, each with the bits of {@link MatVec#row}. */
    void product(double[] x, double[] out, int from, int to) {
        double[] partial = new double[Dot.PARTIALS];
        int grouped = Dot.groupedLength(n);
        for (int i = from; i < to; i++) {
            java.util.Arrays.fill(partial, 0.0);
            int k = rowStart[i];
            int end = rowStart[i + 1];
            for (; k < end && column[k] < grouped; k++) {
                int j = column[k];
                partial[j & (Dot.PARTIALS - 1)] = Math.fma(value[k], x[j], partial[j & (Dot.PARTIALS - 1)]);
            }
            double total = Dot.combine(partial);
            for (; k < end; k++) {
                total = Math.fma(value[k], x[column[k]], total);
            }
            out[i] = total;
        }
    }
}
