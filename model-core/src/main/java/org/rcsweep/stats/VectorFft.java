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
    /**
     * Largest half-length whose stage is paired with the next ({@link #twoStages}). Beyond it the four entries of a
     * pair of stages lie 8 KB or more apart, re and im together eight streams into one set of the 8-way L1 cache,
     * and a paired pass is several times slower than two separate ones; up to 256/512 the pair is the faster.
     */
    static final int MAX_PAIRED_HALF = 256;
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
     * The stages with half-lengths {@code half} and 2·{@code half} in one pass: each group of entries a, a + h,
     * a + 2h, a + 3h goes through both stages' butterflies in registers, with the operations of two separate
     * {@link #stage} calls (so the same bits), loaded and stored once instead of twice. A transform of 4096 points
     * (64 KB with both parts) does not fit the 32 KB L1 cache, so each separate stage streams it from L2. The four
     * butterflies repeat {@link #stage}'s lines on purpose: vectors passed to a helper method get boxed.
     */
    static void twoStages(double[] re, double[] im, int n, int half, double[] cos, double[] sin) {
        int h2 = 2 * half;
        for (int start = 0; start < n; start += 2 * h2) {
            for (int k = 0; k < half; k += MIN_HALF) {
                int a = start + k;
                int b = a + half;
                int c = a + h2;
                int d = c + half;
                // first stage: (a, b) and (c, d), both with twiddle half + k
                DoubleVector w1r = DoubleVector.fromArray(S, cos, half + k);
                DoubleVector w1i = DoubleVector.fromArray(S, sin, half + k);
                DoubleVector ar = DoubleVector.fromArray(S, re, a);
                DoubleVector ai = DoubleVector.fromArray(S, im, a);
                DoubleVector br = DoubleVector.fromArray(S, re, b);
                DoubleVector bi = DoubleVector.fromArray(S, im, b);
                DoubleVector tr = w1r.mul(br).sub(w1i.mul(bi));
                DoubleVector ti = w1r.mul(bi).add(w1i.mul(br));
                br = ar.sub(tr);
                bi = ai.sub(ti);
                ar = ar.add(tr);
                ai = ai.add(ti);
                DoubleVector cr = DoubleVector.fromArray(S, re, c);
                DoubleVector ci = DoubleVector.fromArray(S, im, c);
                DoubleVector dr = DoubleVector.fromArray(S, re, d);
                DoubleVector di = DoubleVector.fromArray(S, im, d);
                tr = w1r.mul(dr).sub(w1i.mul(di));
                ti = w1r.mul(di).add(w1i.mul(dr));
                dr = cr.sub(tr);
                di = ci.sub(ti);
                cr = cr.add(tr);
                ci = ci.add(ti);
                // second stage: (a, c) with twiddle h2 + k, (b, d) with twiddle h2 + k + half
                DoubleVector w2r = DoubleVector.fromArray(S, cos, h2 + k);
                DoubleVector w2i = DoubleVector.fromArray(S, sin, h2 + k);
                tr = w2r.mul(cr).sub(w2i.mul(ci));
                ti = w2r.mul(ci).add(w2i.mul(cr));
                ar.sub(tr).intoArray(re, c);
                ai.sub(ti).intoArray(im, c);
                ar.add(tr).intoArray(re, a);
                ai.add(ti).intoArray(im, a);
                DoubleVector w3r = DoubleVector.fromArray(S, cos, h2 + k + half);
                DoubleVector w3i = DoubleVector.fromArray(S, sin, h2 + k + half);
                tr = w3r.mul(dr).sub(w3i.mul(di));
                ti = w3r.mul(di).add(w3i.mul(dr));
                br.sub(tr).intoArray(re, d);
                bi.sub(ti).intoArray(im, d);
                br.add(tr).intoArray(re, b);
                bi.add(ti).intoArray(im, b);
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
