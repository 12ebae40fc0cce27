package org.rcsweep.stats;

/**
 * Dot products with one fixed summation order on every machine and every JVM: sixteen partial sums (entry j goes to
 * partial sum j mod 16, for every j below the largest multiple of four) accumulated with fused multiply–adds,
 * combined as four groups of four lanes, then the last length mod 4 entries in order, so that at most three
 * entries are added one by one. With {@code jdk.incubator.vector} on the JVM the sixteen partial sums are four
 * 256-bit vector accumulators; without it a scalar loop does the same operations in the same order.
 *
 * <p>A single running sum would be a chain of dependent additions, one per four cycles; sixteen independent sums
 * keep the FMA units busy, which is what makes row-oriented Cholesky and matrix–vector loops run at memory speed.
 */
public final class Dot {
    public static final int PARTIALS = 16;

    private Dot() {
    }

    /** Σ_{j &lt; length} a[aOffset + j]·b[bOffset + j]. */
    public static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
        return TransposeProduct.VECTORISED ? VectorDot.dot(a, aOffset, b, bOffset, length)
                : scalar(a, aOffset, b, bOffset, length);
    }

    /** The scalar path whatever the JVM offers (same bits as {@link #dot}). */
    public static double scalar(double[] a, int aOffset, double[] b, int bOffset, int length) {
        double[] s = new double[PARTIALS];
        int groups = groupedLength(length);
        for (int j = 0; j < groups; j++) {
            s[j % PARTIALS] = Math.fma(a[aOffset + j], b[bOffset + j], s[j % PARTIALS]);
        }
        return tail(combine(s), a, aOffset, b, bOffset, groups, length);
    }

    /**
     * The sixteen partial sums combined as the SIMD path does: four groups of four lanes, lane l summing partial sums
     * l, l + 4, l + 8, l + 12 in that order, then the lanes in order.
     */
    public static double combine(double[] partial) {
        double total = 0;
        for (int lane = 0; lane < 4; lane++) {
            total += ((partial[lane] + partial[lane + 4]) + partial[lane + 8]) + partial[lane + 12];
        }
        return total;
    }

    /** Entries that go to the partial sums: all but the last length mod 4. */
    public static int groupedLength(int length) {
        return length - length % 4;
    }

    /** Adds the entries from ≤ j &lt; length to {@code total} one by one, in order. */
    static double tail(double total, double[] a, int aOffset, double[] b, int bOffset, int from, int length) {
        for (int j = from; j < length; j++) {
            total = Math.fma(a[aOffset + j], b[bOffset + j], total);
        }
        return total;
    }
}
