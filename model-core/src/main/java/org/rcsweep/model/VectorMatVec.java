package org.rcsweep.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.rcsweep.stats.Dot;
import org.rcsweep.stats.VectorDot;

/** {@link MatVec#product} in SIMD registers: each row gets the sixteen partial sums of {@link Dot}, in its order. */
final class VectorMatVec {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    private VectorMatVec() {
    }

    /**
     * out[i] = row i (its n entries from {@code a[offset + i·stride]}) times x for from ≤ i &lt; to, two rows at a
     * time so that each load of x serves both; each row has its own accumulators, so its value does not depend on
     * which row it is paired with.
     */
    static void product(double[] a, int offset, int stride, double[] x, int n, double[] out, int from, int to) {
        int i = from;
        for (; i + 1 < to; i += 2) {
            int o0 = offset + i * stride;
            int o1 = o0 + stride;
            DoubleVector s0 = DoubleVector.zero(S);
            DoubleVector s1 = DoubleVector.zero(S);
            DoubleVector s2 = DoubleVector.zero(S);
            DoubleVector s3 = DoubleVector.zero(S);
            DoubleVector t0 = DoubleVector.zero(S);
            DoubleVector t1 = DoubleVector.zero(S);
            DoubleVector t2 = DoubleVector.zero(S);
            DoubleVector t3 = DoubleVector.zero(S);
            int blocks = n - n % Dot.PARTIALS;
            for (int j = 0; j < blocks; j += Dot.PARTIALS) {
                DoubleVector x0 = DoubleVector.fromArray(S, x, j);
                DoubleVector x1 = DoubleVector.fromArray(S, x, j + 4);
                DoubleVector x2 = DoubleVector.fromArray(S, x, j + 8);
                DoubleVector x3 = DoubleVector.fromArray(S, x, j + 12);
                s0 = DoubleVector.fromArray(S, a, o0 + j).fma(x0, s0);
                s1 = DoubleVector.fromArray(S, a, o0 + j + 4).fma(x1, s1);
                s2 = DoubleVector.fromArray(S, a, o0 + j + 8).fma(x2, s2);
                s3 = DoubleVector.fromArray(S, a, o0 + j + 12).fma(x3, s3);
                t0 = DoubleVector.fromArray(S, a, o1 + j).fma(x0, t0);
                t1 = DoubleVector.fromArray(S, a, o1 + j + 4).fma(x1, t1);
                t2 = DoubleVector.fromArray(S, a, o1 + j + 8).fma(x2, t2);
                t3 = DoubleVector.fromArray(S, a, o1 + j + 12).fma(x3, t3);
            }
            int groups = Dot.groupedLength(n);
            if (blocks < groups) {
                DoubleVector x0 = DoubleVector.fromArray(S, x, blocks);
                s0 = DoubleVector.fromArray(S, a, o0 + blocks).fma(x0, s0);
                t0 = DoubleVector.fromArray(S, a, o1 + blocks).fma(x0, t0);
            }
            if (blocks + 4 < groups) {
                DoubleVector x1 = DoubleVector.fromArray(S, x, blocks + 4);
                s1 = DoubleVector.fromArray(S, a, o0 + blocks + 4).fma(x1, s1);
                t1 = DoubleVector.fromArray(S, a, o1 + blocks + 4).fma(x1, t1);
            }
            if (blocks + 8 < groups) {
                DoubleVector x2 = DoubleVector.fromArray(S, x, blocks + 8);
                s2 = DoubleVector.fromArray(S, a, o0 + blocks + 8).fma(x2, s2);
                t2 = DoubleVector.fromArray(S, a, o1 + blocks + 8).fma(x2, t2);
            }
            out[i] = VectorDot.combine(s0, s1, s2, s3, a, o0, x, 0, groups, n);
            out[i + 1] = VectorDot.combine(t0, t1, t2, t3, a, o1, x, 0, groups, n);
        }
        for (; i < to; i++) {
            out[i] = Dot.dot(a, offset + i * stride, x, 0, n);
        }
    }
}
