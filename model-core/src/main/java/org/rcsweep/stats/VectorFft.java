package org.rcsweep.stats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One radix-2 stage of {@link Fft} with four butterflies per instruction. Each butterfly does the scalar path's
 * operations (separate multiplies, then subtract or add; no fused multiply–add), so every value has the scalar bits.
 */
final class VectorFft {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    /** Shortest butterfly group a stage runs vectorised: one vector of twiddles. */
    static final int MIN_HALF = 4;

    private VectorFft() {
    }

    /** The stage whose butterflies pair entries half apart; {@code sin} already carries the transform's sign. */
    static void stage(double[] re, double[] im, int n, int half, double[] cos, double[] sin) {
        for (int start = 0; start < n; start += 2 * half) {
            for (int k = 0; k < half; k += MIN_HALF) {
                int a = start + k;
                int b = a + half;
                DoubleVector wr = DoubleVector.fromArray(S, cos, half + k);
                DoubleVector wi = DoubleVector.fromArray(S, sin, half + k);
                DoubleVector br = DoubleVector.fromArray(S, re, b);
                DoubleVector bi = DoubleVector.fromArray(S, im, b);
                DoubleVector ar = DoubleVector.fromArray(S, re, a);
                DoubleVector ai = DoubleVector.fromArray(S, im, a);
                DoubleVector tr = wr.mul(br).sub(wi.mul(bi));
                DoubleVector ti = wr.mul(bi).add(wi.mul(br));
                ar.sub(tr).intoArray(re, b);
                ai.sub(ti).intoArray(im, b);
                ar.add(tr).intoArray(re, a);
                ai.add(ti).intoArray(im, a);
            }
        }
    }
}
