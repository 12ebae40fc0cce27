package org.rcsweep.model;

/**
 * Row-times-vector products with one fixed summation order on every machine and every JVM: sixteen partial sums
 * (entry j goes to partial sum j mod 16) accumulated with fused multiply–adds, combined as four groups of four
 * lanes, then the remainder n mod 16 in order. With {@code jdk.incubator.vector} on the JVM the sixteen partial sums
 * are four 256-bit vector accumulators; without it a scalar loop does the same operations in the same order.
 */
final class MatVec {
    static final int PARTIALS = 16;
    private static final boolean VECTORISED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private MatVec() {
    }

    /** Σ_j a[i·n + j]·x[j]. */
    static double row(double[] a, int i, double[] x, int n) {
        return VECTORISED ? VectorMatVec.row(a, i * n, x, n) : scalarRow(a, i * n, x, n);
    }

    /** out[i] = Σ_j a[i·n + j]·x[j] for every row i of an n × n matrix (each row summed as {@link #row} does). */
    static void product(double[] a, double[] x, int n, double[] out) {
        product(a, x, n, out, 0, n);
    }

    /** As {@link #product(double[], double[], int, double[])} for rows from ≤ i &lt; to only. */
    static void product(double[] a, double[] x, int n, double[] out, int from, int to) {
        if (VECTORISED) {
            VectorMatVec.product(a, x, n, out, from, to);
        } else {
            for (int i = from; i < to; i++) {
                out[i] = scalarRow(a, i * n, x, n);
            }
        }
    }

    static double scalarRow(double[] a, int offset, double[] x, int n) {
        double[] s = new double[PARTIALS];
        int blocks = n - n % PARTIALS;
        for (int j = 0; j < blocks; j += PARTIALS) {
            for (int k = 0; k < PARTIALS; k++) {
                s[k] = Math.fma(a[offset + j + k], x[j + k], s[k]);
            }
        }
        return combine(s, a, offset, x, blocks, n);
    }

    /** (group 0 + group 1 + group 2 + group 3) lane-wise, lanes summed in order, then the tail in order. */
    static double combine(double[] s, double[] a, int offset, double[] x, int from, int n) {
        double total = 0;
        for (int lane = 0; lane < 4; lane++) {
            total += ((s[lane] + s[lane + 4]) + s[lane + 8]) + s[lane + 12];
        }
        for (int j = from; j < n; j++) {
            total = Math.fma(a[offset + j], x[j], total);
        }
        return total;
    }
}
