package org.rcsweep.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Tanh#tanh} four lanes at a time: both branches for every lane, then a blend; the same operations in order.
 *
 * <p>Two vectors go through each iteration with their four polynomial chains (the small-argument series and the
 * exponential of each) advanced side by side. Each chain is a run of dependent multiplies and adds: written one
 * after the other, as in the scalar code, the core's out-of-order window overlaps barely two of them; interleaved,
 * all four advance together (same bits). The finishing code is written out once per vector: passed to a helper
 * method, the vectors get boxed.
 */
final class VectorTanh {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    static {
        if (Tanh.P.length != Tanh.EXP.length) {
            throw new IllegalStateException("the interleaved loop needs series of one length, got " + Tanh.P.length
                    + " and " + Tanh.EXP.length); // a programming error, caught by TanhTest
        }
    }

    private VectorTanh() {
    }

    /** As {@link Tanh#apply} for the first count − count mod 8 values; returns how many it did. */
    static int apply(double[] in, int inOffset, double[] out, int outOffset, int count) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = 0;
        for (; i + 8 <= count; i += 8) {
            DoubleVector x0 = DoubleVector.fromArray(S, in, inOffset + i);
            DoubleVector x1 = DoubleVector.fromArray(S, in, inOffset + i + 4);
            DoubleVector a0 = x0.abs();
            DoubleVector a1 = x1.abs();
            DoubleVector s0 = x0.mul(x0);
            DoubleVector s1 = x1.mul(x1);
            DoubleVector y0 = a0.add(a0);
            DoubleVector y1 = a1.add(a1);
            DoubleVector t0 = y0.mul(Tanh.INV_LN2).add(Tanh.ROUNDER);
            DoubleVector t1 = y1.mul(Tanh.INV_LN2).add(Tanh.ROUNDER);
            DoubleVector k0 = t0.sub(Tanh.ROUNDER);
            DoubleVector k1 = t1.sub(Tanh.ROUNDER);
            DoubleVector r0 = y0.sub(k0.mul(Tanh.LN2_HI)).sub(k0.mul(Tanh.LN2_LO));
            DoubleVector r1 = y1.sub(k1.mul(Tanh.LN2_HI)).sub(k1.mul(Tanh.LN2_LO));
            DoubleVector q0 = DoubleVector.broadcast(S, Tanh.P[0]);
            DoubleVector q1 = q0;
            DoubleVector p0 = DoubleVector.broadcast(S, Tanh.EXP[0]);
            DoubleVector p1 = p0;
            for (int j = 1; j < Tanh.P.length; j++) {
                q0 = q0.mul(s0).add(Tanh.P[j]);
                q1 = q1.mul(s1).add(Tanh.P[j]);
                p0 = p0.mul(r0).add(Tanh.EXP[j]);
                p1 = p1.mul(r1).add(Tanh.EXP[j]);
            }
            {
                DoubleVector small = x0.add(x0.mul(s0.mul(q0))).blend(x0, a0.compare(VectorOperators.LT, Tanh.TINY));
                DoubleVector scale = t0.reinterpretAsLongs().sub(Tanh.ROUNDER_BITS - 1023)
                        .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
                DoubleVector big = one.sub(one.add(one).div(p0.mul(scale).add(one)));
                big = big.blend(one, a0.compare(VectorOperators.GE, Tanh.SATURATED));
                big = big.blend(big.neg(), x0.compare(VectorOperators.LT, 0.0));
                VectorMask<Double> isSmall = a0.compare(VectorOperators.LT, Tanh.SMALL);
                big.blend(small, isSmall).intoArray(out, outOffset + i);
            }
            {
                DoubleVector small = x1.add(x1.mul(s1.mul(q1))).blend(x1, a1.compare(VectorOperators.LT, Tanh.TINY));
                DoubleVector scale = t1.reinterpretAsLongs().sub(Tanh.ROUNDER_BITS - 1023)
                        .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
                DoubleVector big = one.sub(one.add(one).div(p1.mul(scale).add(one)));
                big = big.blend(one, a1.compare(VectorOperators.GE, Tanh.SATURATED));
                big = big.blend(big.neg(), x1.compare(VectorOperators.LT, 0.0));
                VectorMask<Double> isSmall = a1.compare(VectorOperators.LT, Tanh.SMALL);
                big.blend(small, isSmall).intoArray(out, outOffset + i + 4);
            }
        }
        return i;
    }
}
