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
     * @param x       rows × p features, row-major
     * @param segment u(t0 − K), …, u(t0 + rows − 1): the signal from K steps before the first row to the last row
     * @param s       p × (K + 1) sums, row-major; column k receives Σ_s x_i(s)·u(t0 + s − k)
     */
    void accumulate(double[] x, int rows, int p, double[] segment, double[] s) {
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
        ParallelRanges.claim(threads, claims, () -> new double[2][n], (scratch, q) -> pairs(x, rows, p, ur, ui, s,
                2 * PAIRS_PER_CLAIM * q, Math.min(p, 2 * PAIRS_PER_CLAIM * (q + 1)), scratch[0], scratch[1]));
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

    /** Features a0 ≤ a &lt; a1 (a0 even), two per transform, in the scratch arrays re and im (the transform's size). */
    private void pairs(double[] x, int rows, int p, double[] ur, double[] ui, double[] s, int a0, int a1,
                       double[] re, double[] im) {
        int n = fft.size();
        for (int a = a0; a < a1; a += 2) {
            int b = a + 1;
            // Gathered straight into the transform's bit-reversed order: the permutation is a pass of scattered
            // swaps over both arrays per transform, here folded into the gather that scatters anyway.
            java.util.Arrays.fill(re, 0.0);
            java.util.Arrays.fill(im, 0.0);
            for (int r = 0; r < rows; r++) {
                int j = fft.bitReversed(r);
                re[j] = x[r * p + a];
                im[j] = b < p ? x[r * p + b] : 0.0;
            }
            fft.forwardFromBitReversed(re, im);
            // P(f) = Z(−f)·U(f), computed for f and n − f together so Z can be overwritten in place.
            for (int f = 0; f <= n / 2; f++) {
                int g = (n - f) & (n - 1);
                double zfr = re[f];
                double zfi = im[f];
                double zgr = re[g];
                double zgi = im[g];
                re[f] = zgr * ur[f] - zgi * ui[f];
                im[f] = zgr * ui[f] + zgi * ur[f];
                if (g != f) {
                    re[g] = zfr * ur[g] - zfi * ui[g];
                    im[g] = zfr * ui[g] + zfi * ur[g];
                }
            }
            if (spectra != null) {
                int o = (a / 2) * 2 * n;
                for (int f = 0; f < n; f++) {
                    spectra[o + f] += re[f];
                    spectra[o + n + f] += im[f];
                }
            } else {
                backwardInto(re, im, a, p, s);
            }
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
