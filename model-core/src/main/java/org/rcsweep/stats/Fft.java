package org.rcsweep.stats;

/**
 * In-place iterative radix-2 complex FFT of one fixed power-of-two size, with its twiddle factors computed once.
 * The same operations in the same order on every machine: with {@code jdk.incubator.vector}, stages of four or more
 * butterflies per group run four at a time ({@link VectorFft}), each with the scalar path's operations.
 *
 * <p>The twiddles of each stage are stored contiguously (stage with half-length h at [h, 2h)), so every stage reads
 * them in sequence; in the early stages, where butterfly groups are short, each twiddle is loaded once for all
 * groups. Butterflies within a stage are independent, so the order in which they run does not change any value.
 */
final class Fft {
    /** Stages with butterfly groups shorter than this run twiddle by twiddle, across all groups. */
    private static final int SHORT_GROUP = 16;
    private final int size;
    private final int[] bitReverse;
    private final double[] stageCos;
    private final double[] stageSin;
    /** −stageSin: the backward transform's twiddles (negation is exact, so both paths keep the same bits). */
    private final double[] stageSinBackward;
    private final boolean vectorised;

    Fft(int size) {
        this(size, TransposeProduct.VECTORISED);
    }

    /** @param vectorised run stages with groups of at least four butterflies in SIMD registers (same bits) */
    Fft(int size, boolean vectorised) {
        this.vectorised = vectorised;
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two, got " + size);
        }
        this.size = size;
        int bits = Integer.numberOfTrailingZeros(size);
        this.bitReverse = new int[size];
        for (int i = 0; i < size; i++) {
            bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        double[] cos = new double[size / 2];
        double[] sin = new double[size / 2];
        for (int k = 0; k < size / 2; k++) {
            double angle = -2 * Math.PI * k / size;
            cos[k] = StrictMath.cos(angle);
            sin[k] = StrictMath.sin(angle);
        }
        this.stageCos = new double[Math.max(size, 1)];
        this.stageSin = new double[Math.max(size, 1)];
        for (int half = 1; half < size; half <<= 1) {
            int step = size / (2 * half);
            for (int k = 0; k < half; k++) {
                stageCos[half + k] = cos[k * step];
                stageSin[half + k] = sin[k * step];
            }
        }
        this.stageSinBackward = new double[stageSin.length];
        for (int i = 0; i < stageSin.length; i++) {
            stageSinBackward[i] = -stageSin[i];
        }
    }

    int size() {
        return size;
    }

    /** X[f] = Σ_t x[t]·e^{−2πi f t/N}. */
    void forward(double[] re, double[] im) {
        transform(re, im, false);
    }

    /** x[t] = Σ_f X[f]·e^{+2πi f t/N} (unscaled: divide by N for the inverse of {@link #forward}). */
    void backward(double[] re, double[] im) {
        transform(re, im, true);
    }

    /**
     * Position of input t in the bit-reversed order the butterflies start from: a caller that writes its input there
     * (and zeros elsewhere) can call {@link #forwardFromBitReversed} and skip the permutation pass.
     */
    int bitReversed(int t) {
        return bitReverse[t];
    }

    /** {@link #forward} of an input already stored in bit-reversed order (the same values, hence the same bits). */
    void forwardFromBitReversed(double[] re, double[] im) {
        stages(re, im, false);
    }

    private void transform(double[] re, double[] im, boolean backward) {
        permute(re, im);
        stages(re, im, backward);
    }

    private void permute(double[] re, double[] im) {
        int n = size;
        for (int i = 0; i < n; i++) {
            int j = bitReverse[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
    }

    private void stages(double[] re, double[] im, boolean backward) {
        int n = size;
        double[] sin = backward ? stageSinBackward : stageSin;
        int first = 1;
        if (n >= 4) {
            firstTwoStages(re, im, sin);
            first = 4;
        }
        for (int half = first; half < n; half <<= 1) {
            if (vectorised && half >= VectorFft.MIN_HALF && half <= VectorFft.MAX_PAIRED_HALF && 4 * half <= n) {
                VectorFft.twoStages(re, im, n, half, stageCos, sin);
                half <<= 1; // the loop's own shift makes it four times: two stages done
            } else if (vectorised && half >= VectorFft.MIN_HALF) {
                VectorFft.stage(re, im, n, half, stageCos, sin);
            } else if (half < SHORT_GROUP) {
                for (int k = 0; k < half; k++) {
                    double wr = stageCos[half + k];
                    double wi = sin[half + k];
                    for (int a = k; a < n; a += 2 * half) {
                        butterfly(re, im, a, a + half, wr, wi);
                    }
                }
            } else {
                for (int start = 0; start < n; start += 2 * half) {
                    for (int k = 0; k < half; k++) {
                        butterfly(re, im, start + k, start + k + half, stageCos[half + k], sin[half + k]);
                    }
                }
            }
        }
    }

    /**
     * The stages with half-lengths 1 and 2 in one pass over groups of four entries held in locals: each value gets
     * the operations of the two separate stages (those of {@link #butterfly}), which as two strided scalar passes
     * would cost half as much as the ten vectorised stages after them.
     */
    private void firstTwoStages(double[] re, double[] im, double[] sin) {
        double w1r = stageCos[1];
        double w1i = sin[1];
        double w2r = stageCos[2];
        double w2i = sin[2];
        double w3r = stageCos[3];
        double w3i = sin[3];
        for (int a = 0; a < size; a += 4) {
            double ar = re[a];
            double ai = im[a];
            double br = re[a + 1];
            double bi = im[a + 1];
            double cr = re[a + 2];
            double ci = im[a + 2];
            double dr = re[a + 3];
            double di = im[a + 3];
            double tr = w1r * br - w1i * bi;
            double ti = w1r * bi + w1i * br;
            br = ar - tr;
            bi = ai - ti;
            ar = ar + tr;
            ai = ai + ti;
            tr = w1r * dr - w1i * di;
            ti = w1r * di + w1i * dr;
            dr = cr - tr;
            di = ci - ti;
            cr = cr + tr;
            ci = ci + ti;
            tr = w2r * cr - w2i * ci;
            ti = w2r * ci + w2i * cr;
            re[a + 2] = ar - tr;
            im[a + 2] = ai - ti;
            re[a] = ar + tr;
            im[a] = ai + ti;
            tr = w3r * dr - w3i * di;
            ti = w3r * di + w3i * dr;
            re[a + 3] = br - tr;
            im[a + 3] = bi - ti;
            re[a + 1] = br + tr;
            im[a + 1] = bi + ti;
        }
    }

    private static void butterfly(double[] re, double[] im, int a, int b, double wr, double wi) {
        double tr = wr * re[b] - wi * im[b];
        double ti = wr * im[b] + wi * re[b];
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
    }
}
