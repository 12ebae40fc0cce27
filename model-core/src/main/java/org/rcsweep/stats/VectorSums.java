package org.rcsweep.stats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The per-chunk sums of {@link CrossMoments} four columns per instruction, with the scalar loops' operations (so the
 * same bits); needs {@code jdk.incubator.vector} (callers check {@link TransposeProduct#VECTORISED}). C2 leaves the
 * scalar loops unvectorised, and at K = 2000 they would be about a tenth of a memory point's accumulation.
 */
final class VectorSums {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    private VectorSums() {
    }

    /** sy[k] += v, syy[k] += v·v for v = values[o + k], k0 ≤ k in steps of four; returns the first k not done. */
    static int sumsAndSquares(double[] values, int o, double[] sy, double[] syy, int k0, int k1) {
        int k = k0;
        for (; k + 4 <= k1; k += 4) {
            DoubleVector v = DoubleVector.fromArray(S, values, o + k);
            DoubleVector.fromArray(S, sy, k).add(v).intoArray(sy, k);
            DoubleVector.fromArray(S, syy, k).add(v.mul(v)).intoArray(syy, k);
        }
        return k;
    }

    /** v = x[o + j] − shift[j], x[o + j] = v, sx[j] += v, j0 ≤ j in steps of four; returns the first j not done. */
    static int shiftAndSum(double[] x, int o, double[] shift, double[] sx, int j0, int j1) {
        int j = j0;
        for (; j + 4 <= j1; j += 4) {
            DoubleVector v = DoubleVector.fromArray(S, x, o + j).sub(DoubleVector.fromArray(S, shift, j));
            v.intoArray(x, o + j);
            DoubleVector.fromArray(S, sx, j).add(v).intoArray(sx, j);
        }
        return j;
    }
}
