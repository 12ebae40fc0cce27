package org.rcsweep.stats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Dot#dot} with four 256-bit accumulators: the same sixteen partial sums as the scalar path. Loading this class
 * needs the {@code jdk.incubator.vector} module; callers check {@link TransposeProduct#VECTORISED} first.
 */
public final class VectorDot {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    private VectorDot() {
    }

    public static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = DoubleVector.zero(S);
        DoubleVector s2 = DoubleVector.zero(S);
        DoubleVector s3 = DoubleVector.zero(S);
        int blocks = length - length % Dot.PARTIALS;
        for (int j = 0; j < blocks; j += Dot.PARTIALS) {
            s0 = DoubleVector.fromArray(S, a, aOffset + j).fma(DoubleVector.fromArray(S, b, bOffset + j), s0);
            s1 = DoubleVector.fromArray(S, a, aOffset + j + 4).fma(DoubleVector.fromArray(S, b, bOffset + j + 4), s1);
            s2 = DoubleVector.fromArray(S, a, aOffset + j + 8).fma(DoubleVector.fromArray(S, b, bOffset + j + 8), s2);
            s3 = DoubleVector.fromArray(S, a, aOffset + j + 12).fma(DoubleVector.fromArray(S, b, bOffset + j + 12),
                    s3);
        }
        // up to three more groups of four, to partial sums 0, 4 and 8 (lanes of s0, s1, s2) as in the scalar path
        int groups = Dot.groupedLength(length);
        if (blocks < groups) {
            s0 = DoubleVector.fromArray(S, a, aOffset + blocks).fma(DoubleVector.fromArray(S, b, bOffset + blocks), s0);
        }
        if (blocks + 4 < groups) {
            s1 = DoubleVector.fromArray(S, a, aOffset + blocks + 4).fma(DoubleVector.fromArray(S, b, bOffset + blocks
                    + 4), s1);
        }
        if (blocks + 8 < groups) {
            s2 = DoubleVector.fromArray(S, a, aOffset + blocks + 8).fma(DoubleVector.fromArray(S, b, bOffset + blocks
                    + 8), s2);
        }
        return combine(s0, s1, s2, s3, a, aOffset, b, bOffset, groups, length);
    }

    /** ((s0 + s1) + s2) + s3 lane-wise, lanes summed in order, then the tail in order. */
    public static double combine(DoubleVector s0, DoubleVector s1, DoubleVector s2, DoubleVector s3, double[] a, int aOffset,
                          double[] b, int bOffset, int from, int length) {
        DoubleVector lanes = s0.add(s1).add(s2).add(s3);
        double total = 0;
        for (int lane = 0; lane < 4; lane++) {
            total += lanes.lane(lane);
        }
        return Dot.tail(total, a, aOffset, b, bOffset, from, length);
    }
}
