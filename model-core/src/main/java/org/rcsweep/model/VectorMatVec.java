package org.rcsweep.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link MatVec#row} with four 256-bit accumulators: the same sixteen partial sums as the scalar path. */
final class VectorMatVec {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    private VectorMatVec() {
    }

    /**
     * out[i] = row i of the n × n matrix a times x for from ≤ i &lt; to, two rows at a time so that each load of x
     * serves both; each row has its own accumulators, so its value does not depend on which row it is paired with.
     */
    static void product(double[] a, double[] x, int n, double[] out, int from, int to) {
        int i = from;
        for (; i + 1 < to; i += 2) {
            int o0 = i * n;
            int o1 = o0 + n;
            DoubleVector s0 = DoubleVector.zero(S);
            DoubleVector s1 = DoubleVector.zero(S);
            DoubleVector s2 = DoubleVector.zero(S);
            DoubleVector s3 = DoubleVector.zero(S);
            DoubleVector t0 = DoubleVector.zero(S);
            DoubleVector t1 = DoubleVector.zero(S);
            DoubleVector t2 = DoubleVector.zero(S);
            DoubleVector t3 = DoubleVector.zero(S);
            int blocks = n - n % MatVec.PARTIALS;
            for (int j = 0; j < blocks; j += MatVec.PARTIALS) {
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
            out[i] = finish(s0, s1, s2, s3, a, o0, x, blocks, n);
            out[i + 1] = finish(t0, t1, t2, t3, a, o1, x, blocks, n);
        }
        for (; i < to; i++) {
            out[i] = row(a, i * n, x, n);
        }
    }

    private static double finish(DoubleVector s0, DoubleVector s1, DoubleVector s2, DoubleVector s3, double[] a,
                                 int offset, double[] x, int blocks, int n) {
        DoubleVector lanes = s0.add(s1).add(s2).add(s3);
        double total = 0;
        for (int lane = 0; lane < 4; lane++) {
            total += lanes.lane(lane);
        }
        for (int j = blocks; j < n; j++) {
            total = Math.fma(a[offset + j], x[j], total);
        }
        return total;
    }

    static double row(double[] a, int offset, double[] x, int n) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = DoubleVector.zero(S);
        DoubleVector s2 = DoubleVector.zero(S);
        DoubleVector s3 = DoubleVector.zero(S);
        int blocks = n - n % MatVec.PARTIALS;
        for (int j = 0; j < blocks; j += MatVec.PARTIALS) {
            s0 = DoubleVector.fromArray(S, a, offset + j).fma(DoubleVector.fromArray(S, x, j), s0);
            s1 = DoubleVector.fromArray(S, a, offset + j + 4).fma(DoubleVector.fromArray(S, x, j + 4), s1);
            s2 = DoubleVector.fromArray(S, a, offset + j + 8).fma(DoubleVector.fromArray(S, x, j + 8), s2);
            s3 = DoubleVector.fromArray(S, a, offset + j + 12).fma(DoubleVector.fromArray(S, x, j + 12), s3);
        }
        return finish(s0, s1, s2, s3, a, offset, x, blocks, n);
    }
}
