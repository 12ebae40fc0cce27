package org.rcsweep.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link Tanh#tanh} four lanes at a time: both branches for every lane, then a blend; the same operations in order. */
final class VectorTanh {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    private VectorTanh() {
    }

    /** As {@link Tanh#apply} for the first count − count mod 4 values; returns how many it did. */
    static int apply(double[] in, int inOffset, double[] out, int outOffset, int count) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = 0;
        for (; i + 4 <= count; i += 4) {
            DoubleVector x = DoubleVector.fromArray(S, in, inOffset + i);
            DoubleVector a = x.abs();
            DoubleVector s = x.mul(x);
            DoubleVector q = DoubleVector.broadcast(S, Tanh.P[0]);
            for (int j = 1; j < Tanh.P.length; j++) {
                q = q.mul(s).add(Tanh.P[j]);
            }
            DoubleVector small = x.add(x.mul(s.mul(q))).blend(x, a.compare(VectorOperators.LT, Tanh.TINY));
            DoubleVector y = a.add(a);
            DoubleVector t = y.mul(Tanh.INV_LN2).add(Tanh.ROUNDER);
            DoubleVector k = t.sub(Tanh.ROUNDER);
            DoubleVector r = y.sub(k.mul(Tanh.LN2_HI)).sub(k.mul(Tanh.LN2_LO));
            DoubleVector p = DoubleVector.broadcast(S, Tanh.EXP[0]);
            for (int j = 1; j < Tanh.EXP.length; j++) {
                p = p.mul(r).add(Tanh.EXP[j]);
            }
            DoubleVector scale = t.reinterpretAsLongs().sub(Tanh.ROUNDER_BITS - 1023)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector big = one.sub(one.add(one).div(p.mul(scale).add(one)));
            big = big.blend(one, a.compare(VectorOperators.GE, Tanh.SATURATED));
            big = big.blend(big.neg(), x.compare(VectorOperators.LT, 0.0));
            VectorMask<Double> isSmall = a.compare(VectorOperators.LT, Tanh.SMALL);
            big.blend(small, isSmall).intoArray(out, outOffset + i);
        }
        return i;
    }
}
