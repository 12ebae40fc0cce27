package org.rcsweep.capacity;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link RowUpdate#subtract} in SIMD registers; needs {@code jdk.incubator.vector} (callers check first). */
final class VectorRowUpdate {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    /** Columns per pass: eight independent subtraction chains hide the adder's latency. */
    private static final int STRIP = 32;

    private VectorRowUpdate() {
    }

    /** Updates the columns from c0 in whole groups of four; returns the first column it left for the scalar path. */
    static int subtract(double[] a, int stride, int target, int first, int last, double[] f, int fOffset,
                        int fStride, int c0, int c1) {
        // The source rows with a nonzero multiplier, in order: zero multipliers are skipped, as in the scalar loop,
        // here before the column loops, because a branch inside them makes C2 keep the eight vectors in objects
        // (boxed on every source row, many times slower than in registers).
        int[] offsets = new int[last - first];
        double[] multipliers = new double[last - first];
        int count = 0;
        for (int k = first, fk = fOffset; k < last; k++, fk += fStride) {
            double m = f[fk];
            if (m != 0.0) {
                offsets[count] = k * stride;
                multipliers[count++] = m;
            }
        }
        int ot = target * stride;
        int c = c0;
        for (; c + STRIP <= c1; c += STRIP) {
            int o = ot + c;
            DoubleVector t0 = DoubleVector.fromArray(S, a, o);
            DoubleVector t1 = DoubleVector.fromArray(S, a, o + 4);
            DoubleVector t2 = DoubleVector.fromArray(S, a, o + 8);
            DoubleVector t3 = DoubleVector.fromArray(S, a, o + 12);
            DoubleVector t4 = DoubleVector.fromArray(S, a, o + 16);
            DoubleVector t5 = DoubleVector.fromArray(S, a, o + 20);
            DoubleVector t6 = DoubleVector.fromArray(S, a, o + 24);
            DoubleVector t7 = DoubleVector.fromArray(S, a, o + 28);
            for (int q = 0; q < count; q++) {
                DoubleVector v = DoubleVector.broadcast(S, multipliers[q]);
                int s = offsets[q] + c;
                t0 = t0.sub(v.mul(DoubleVector.fromArray(S, a, s)));
                t1 = t1.sub(v.mul(DoubleVector.fromArray(S, a, s + 4)));
                t2 = t2.sub(v.mul(DoubleVector.fromArray(S, a, s + 8)));
                t3 = t3.sub(v.mul(DoubleVector.fromArray(S, a, s + 12)));
                t4 = t4.sub(v.mul(DoubleVector.fromArray(S, a, s + 16)));
                t5 = t5.sub(v.mul(DoubleVector.fromArray(S, a, s + 20)));
                t6 = t6.sub(v.mul(DoubleVector.fromArray(S, a, s + 24)));
                t7 = t7.sub(v.mul(DoubleVector.fromArray(S, a, s + 28)));
            }
            t0.intoArray(a, o);
            t1.intoArray(a, o + 4);
            t2.intoArray(a, o + 8);
            t3.intoArray(a, o + 12);
            t4.intoArray(a, o + 16);
            t5.intoArray(a, o + 20);
            t6.intoArray(a, o + 24);
            t7.intoArray(a, o + 28);
        }
        for (; c + 4 <= c1; c += 4) {
            int o = ot + c;
            DoubleVector t = DoubleVector.fromArray(S, a, o);
            for (int q = 0; q < count; q++) {
                t = t.sub(DoubleVector.broadcast(S, multipliers[q]).mul(DoubleVector.fromArray(S, a, offsets[q] + c)));
            }
            t.intoArray(a, o);
        }
        return c;
    }
}
