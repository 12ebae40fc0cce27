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

    private void transform(double[] re, double[] im, boolean backward) {
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
        double[] sin = backward ? stageSinBackward : stageSin;
        for (int half = 1; half < n; half <<= 1) {
            if (vectorised && half >= VectorFft.MIN_HALF) {
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

    private static void butterfly(double[] re, double[] im, int a, int b, double wr, double wi) {
        double tr = wr * re[b] - wi * im[b];
        double ti = wr * im[b] + wi * re[b];
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
    }
}
