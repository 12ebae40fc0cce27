package org.rcsweep.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link MatVec#row} with four 256-bit accumulators: the same sixteen partial sums as the scalar path. */
final class VectorMatVec {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    private VectorMatVec() {
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
}
