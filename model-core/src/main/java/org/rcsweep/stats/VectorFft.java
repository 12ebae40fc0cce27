package org.rcsweep.stats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * One radix-2 stage of {@link Fft} with four butterflies per instruction. Each butterfly does the scalar path's
 * operations (separate multiplies, then subtract or add; no fused multiply–add), so every value has the scalar bits.
 */
final class VectorFft {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    /** Shortest butterfly group a stage runs vectorised: one vector of twiddles. */
    static final int MIN_HALF = 4;
    /** Lane order 3, 2, 1, 0: frequencies n − f for four ascending f are four descending entries. */
    private static final VectorShuffle<Double> REVERSE = VectorShuffle.fromValues(S, 3, 2, 1, 0);

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

    /**
     * P(f) = Z(n − f)·U(f) for f = 1, 2, … in steps of four while a whole step fits below n, written to or added to
     * the outputs at their offsets, with the scalar operations of {@link DelayCorrelation}; returns the first f not
     * done (the caller does those and f = 0).
     */
    static int reversedProduct(double[] zr, double[] zi, double[] ur, double[] ui, int n, double[] outRe, int oRe,
                               double[] outIm, int oIm, boolean add) {
        int f = 1;
        for (; f + 3 < n; f += 4) {
            int g = n - f - 3; // Z at n − f − 3 … n − f, reversed: lane l holds Z(n − (f + l))
            DoubleVector zgr = DoubleVector.fromArray(S, zr, g).rearrange(REVERSE);
            DoubleVector zgi = DoubleVector.fromArray(S, zi, g).rearrange(REVERSE);
            DoubleVector vr = DoubleVector.fromArray(S, ur, f);
            DoubleVector vi = DoubleVector.fromArray(S, ui, f);
            DoubleVector pr = zgr.mul(vr).sub(zgi.mul(vi));
            DoubleVector pi = zgr.mul(vi).add(zgi.mul(vr));
            if (add) {
                pr = DoubleVector.fromArray(S, outRe, oRe + f).add(pr);
                pi = DoubleVector.fromArray(S, outIm, oIm + f).add(pi);
            }
            pr.intoArray(outRe, oRe + f);
            pi.intoArray(outIm, oIm + f);
        }
        return f;
    }
}
