package org.rcsweep.stats;

import org.rcsweep.parallel.ParallelRanges;

/**
 * Cross moments of features with delayed copies of one signal, S_ik += Σ_s x_i(s)·u(s − k) for k = 0..K, by FFT.
 *
 * <p>Memory-capacity targets are the delayed inputs u(t−k): their cross moments with the readouts are
 * cross-correlations, which cost O(n log n) per feature by FFT instead of O(rows·K) as a matrix product. Two
 * features share one complex transform (x_a + i·x_b): with Z its spectrum and U the signal's, the spectrum of
 * corr_a + i·corr_b is Z(−f)·U(f), so a pair costs one forward and one backward transform of size n ≥ rows + K.
 * For K = 2000 and 2095-row blocks that is ~30× fewer operations than the product. Feature pairs write disjoint
 * rows of S, so several threads can take a share of the pairs each without changing any value.
 *
 * <p>The inverse transform is linear, so the sum over blocks of the inverse transforms is the inverse transform of the
 * summed spectra. Where the spectra of all pairs fit in the memory budget given, each block only adds its
 * products to them and {@link #drainInto} runs one inverse transform per pair at the end: with blocks of about K
 * rows that removes most of the inverse transforms (T/K of them per pair become one).
 */
final class DelayCorrelation {
    /**
     * Feature pairs (transforms) a thread claims at a time: a few hundred microseconds of work, so that claims cost
     * nothing next to it and the threads still end within one claim of each other.
     */
    private static final int PAIRS_PER_CLAIM = 8;
    private final int maxDelay;
    private final int maxRows;
    private final int threads;
    private final Fft fft;
    private final int features;
    /** Per feature pair its summed spectrum (real parts, then imaginary parts), or null when not kept. */
    private final double[] spectra;
    private boolean pending;

    /**
     * @param features       the number of features p that every block will have
     * @param spectraDoubles largest summed spectra to keep, in doubles; beyond it each block is transformed back at once
     */
    DelayCorrelation(int maxDelay, int maxRows, int threads, int features, int spectraDoubles) {
        this.maxDelay = maxDelay;
        this.maxRows = maxRows;
        this.threads = threads;
        this.fft = new Fft(Integer.highestOneBit(Math.max(1, maxRows + maxDelay - 1)) << 1);
        this.features = features;
        long doubles = (long) (features + 1) / 2 * 2 * fft.size();
        this.spectra = doubles <= spectraDoubles ? new double[(int) doubles] : null;
    }

    /** Rows per block that make the transform size about twice the delay range (and at least {@code minRows}). */
    static int blockRows(int maxDelay, int minRows) {
        int n = Integer.highestOneBit(Math.max(1, 2 * (maxDelay + 1) - 1)) << 1;
        return Math.max(minRows, n - maxDelay);
    }

    /**
     * Adds the block's cross moments: into {@code s} at once, or into the summed spectra that {@link #drainInto}
     * turns into cross moments later.
     *
     * @param x       p features of {@code rows} samples each, feature-major: sample r of feature i at i · stride + r
     * @param stride  distance between consecutive features in x (at least rows)
     * @param segment u(t0 − K), …, u(t0 + rows − 1): the signal from K steps before the first row to the last row
     * @param s       p × (K + 1) sums, row-major; column k receives Σ_s x_i(s)·u(t0 + s − k)
     */
    void accumulate(double[] x, int stride, int rows, int p, double[] segment, double[] s) {
        if (rows > maxRows) {
            throw new IllegalArgumentException(rows + " rows exceed the block of " + maxRows);
        }
        if (p != features) {
            throw new IllegalArgumentException("a block of " + p + " features for " + features);
        }
        int n = fft.size();
        double[] ur = new double[n];
        double[] ui = new double[n];
        System.arraycopy(segment, 0, ur, 0, rows + maxDelay);
        fft.forward(ur, ui);
        int claims = (p + 2 * PAIRS_PER_CLAIM - 1) / (2 * PAIRS_PER_CLAIM);
        int arrays = spectra == null ? 4 : 2;
        ParallelRanges.claim(threads, claims, () -> new double[arrays][n], (scratch, q) -> pairs(x, stride, rows, p,
                ur, ui, s, 2 * PAIRS_PER_CLAIM * q, Math.min(p, 2 * PAIRS_PER_CLAIM * (q + 1)), scratch));
        pending = spectra != null;
    }

    /** Turns the summed spectra into cross moments added to {@code s}, and empties them (nothing to do if none). */
    void drainInto(double[] s) {
        if (!pending) {
            return;
        }
        int n = fft.size();
        int pairCount = (features + 1) / 2;
        ParallelRanges.claim(threads, (pairCount + PAIRS_PER_CLAIM - 1) / PAIRS_PER_CLAIM, () -> new double[2][n],
                (scratch, q) -> {
            double[] re = scratch[0];
            double[] im = scratch[1];
            for (int pair = q * PAIRS_PER_CLAIM; pair < Math.min(pairCount, (q + 1) * PAIRS_PER_CLAIM); pair++) {
                int o = pair * 2 * n;
                System.arraycopy(spectra, o, re, 0, n);
                System.arraycopy(spectra, o + n, im, 0, n);
                java.util.Arrays.fill(spectra, o, o + 2 * n, 0.0);
                backwardInto(re, im, 2 * pair, features, s);
            }
        });
        pending = false;
    }

    /**
     * Features a0 ≤ a &lt; a1 (a0 even), two per transform, in scratch arrays of the transform's size: two, and two
     * more for the product when there are no summed spectra to add it to.
     */
    private void pairs(double[] x, int stride, int rows, int p, double[] ur, double[] ui, double[] s, int a0, int a1,
                       double[][] scratch) {
        int n = fft.size();
        double[] re = scratch[0];
        double[] im = scratch[1];
        for (int a = a0; a < a1; a += 2) {
            int b = a + 1;
            // Gathered straight into the transform's bit-reversed order: the permutation is a pass of scattered
            // swaps over both arrays per transform, here folded into the gather that scatters anyway.
            java.util.Arrays.fill(re, 0.0);
            java.util.Arrays.fill(im, 0.0);
            int xa = a * stride;
            for (int r = 0; r < rows; r++) {
                re[fft.bitReversed(r)] = x[xa + r];
            }
            if (b < p) {
                int xb = b * stride;
                for (int r = 0; r < rows; r++) {
                    im[fft.bitReversed(r)] = x[xb + r];
                }
            }
            fft.forwardFromBitReversed(re, im);
            if (spectra != null) {
                int o = (a / 2) * 2 * n;
                reversedProduct(re, im, ur, ui, spectra, o, spectra, o + n, true);
            } else {
                reversedProduct(re, im, ur, ui, scratch[2], 0, scratch[3], 0, false);
                backwardInto(scratch[2], scratch[3], a, p, s);
            }
        }
    }

    /**
     * P(f) = Z(−f)·U(f) for every frequency f (−f taken modulo n), written to or added to (re, im) at the given
     * offsets: the spectrum of corr_a + i·corr_b. Four frequencies per instruction where the Vector API is on, with
     * the same multiplications and additions per value as the scalar loop (so the same bits).
     */
    private void reversedProduct(double[] zr, double[] zi, double[] ur, double[] ui, double[] outRe, int oRe,
                                 double[] outIm, int oIm, boolean add) {
        reversedProduct(zr, zi, ur, ui, fft.size(), outRe, oRe, outIm, oIm, add, TransposeProduct.VECTORISED);
    }

    /** As above for transforms of size n, with or without SIMD (the tests compare the two). */
    static void reversedProduct(double[] zr, double[] zi, double[] ur, double[] ui, int n, double[] outRe, int oRe,
                                double[] outIm, int oIm, boolean add, boolean vectorised) {
        int f = 0;
        if (vectorised && n >= 8) {
            product(zr, zi, ur, ui, n, 0, outRe, oRe, outIm, oIm, add);
            f = VectorFft.reversedProduct(zr, zi, ur, ui, n, outRe, oRe, outIm, oIm, add);
        }
        for (; f < n; f++) {
            product(zr, zi, ur, ui, n, f, outRe, oRe, outIm, oIm, add);
        }
    }

    private static void product(double[] zr, double[] zi, double[] ur, double[] ui, int n, int f, double[] outRe,
                                int oRe, double[] outIm, int oIm, boolean add) {
        int g = (n - f) & (n - 1);
        double pr = zr[g] * ur[f] - zi[g] * ui[f];
        double pi = zr[g] * ui[f] + zi[g] * ur[f];
        if (add) {
            outRe[oRe + f] += pr;
            outIm[oIm + f] += pi;
        } else {
            outRe[oRe + f] = pr;
            outIm[oIm + f] = pi;
        }
    }

    /** Inverse-transforms the spectrum of pair (a, a + 1) and adds its lags, as delays, to rows a and a + 1 of s. */
    private void backwardInto(double[] re, double[] im, int a, int p, double[] s) {
        int n = fft.size();
        int m = maxDelay + 1;
        int b = a + 1;
        double scale = 1.0 / n;
        fft.backward(re, im);
        // corr(k') = Σ_s x(s)·segment(s + k') is the sum for delay k = K − k'.
        int oa = a * m;
        int ob = b * m;
        for (int lag = 0; lag <= maxDelay; lag++) {
            int k = maxDelay - lag;
            s[oa + k] += re[lag] * scale;
            if (b < p) {
                s[ob + k] += im[lag] * scale;
            }
        }
    }
}
