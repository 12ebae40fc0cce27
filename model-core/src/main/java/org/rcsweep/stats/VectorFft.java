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

    /**
     * The stages with half-lengths {@code half} and 2·half in one pass: for each k, entries a, a + half, a + 2·half,
     * a + 3·half are paired (a, b) and (c, d) by the first stage, then (a, c) and (b, d) by the second, each
     * butterfly with the operations of {@link #stage}. Needs 4·half ≤ n.
     */
    static void twoStages(double[] re, double[] im, int n, int half, double[] cos, double[] sin) {
        int h2 = 2 * half;
        for (int start = 0; start < n; start += 2 * h2) {
            for (int k = 0; k < half; k += MIN_HALF) {
                int a = start + k;
                int b = a + half;
                int c = a + h2;
                int d = c + half;
                DoubleVector w1r = DoubleVector.fromArray(S, cos, half + k);
                DoubleVector w1i = DoubleVector.fromArray(S, sin, half + k);
                DoubleVector ar = DoubleVector.fromArray(S, re, a);
                DoubleVector ai = DoubleVector.fromArray(S, im, a);
                DoubleVector br = DoubleVector.fromArray(S, re, b);
                DoubleVector bi = DoubleVector.fromArray(S, im, b);
                DoubleVector cr = DoubleVector.fromArray(S, re, c);
                DoubleVector ci = DoubleVector.fromArray(S, im, c);
                DoubleVector dr = DoubleVector.fromArray(S, re, d);
                DoubleVector di = DoubleVector.fromArray(S, im, d);
                // first stage: (a, b) and (c, d) with the twiddle of k
                DoubleVector tr = w1r.mul(br).sub(w1i.mul(bi));
                DoubleVector ti = w1r.mul(bi).add(w1i.mul(br));
                br = ar.sub(tr);
                bi = ai.sub(ti);
                ar = ar.add(tr);
                ai = ai.add(ti);
                tr = w1r.mul(dr).sub(w1i.mul(di));
                ti = w1r.mul(di).add(w1i.mul(dr));
                dr = cr.sub(tr);
                di = ci.sub(ti);
                cr = cr.add(tr);
                ci = ci.add(ti);
                // second stage: (a, c) with the twiddle of k, (b, d) with that of k + half
                DoubleVector w2r = DoubleVector.fromArray(S, cos, h2 + k);
                DoubleVector w2i = DoubleVector.fromArray(S, sin, h2 + k);
                tr = w2r.mul(cr).sub(w2i.mul(ci));
                ti = w2r.mul(ci).add(w2i.mul(cr));
                ar.sub(tr).intoArray(re, c);
                ai.sub(ti).intoArray(im, c);
                ar.add(tr).intoArray(re, a);
                ai.add(ti).intoArray(im, a);
                w2r = DoubleVector.fromArray(S, cos, h2 + k + half);
                w2i = DoubleVector.fromArray(S, sin, h2 + k + half);
                tr = w2r.mul(dr).sub(w2i.mul(di));
                ti = w2r.mul(di).add(w2i.mul(dr));
                br.sub(tr).intoArray(re, d);
                bi.sub(ti).intoArray(im, d);
                br.add(tr).intoArray(re, b);
                bi.add(ti).intoArray(im, b);
            }
        }
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
