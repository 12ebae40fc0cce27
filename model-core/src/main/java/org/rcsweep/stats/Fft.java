package org.rcsweep.stats;

/**
 * In-place iterative radix-2 complex FFT of one fixed power-of-two size, with its twiddle factors computed once.
 * Plain scalar Java: the same operations in the same order on every machine.
 */
final class Fft {
    private final int size;
    private final int[] bitReverse;
    private final double[] cos;
    private final double[] sin;

    Fft(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two, got " + size);
        }
        this.size = size;
        int bits = Integer.numberOfTrailingZeros(size);
        this.bitReverse = new int[size];
        for (int i = 0; i < size; i++) {
            bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        this.cos = new double[size / 2];
        this.sin = new double[size / 2];
        for (int k = 0; k < size / 2; k++) {
            double angle = -2 * Math.PI * k / size;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
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
        for (int half = 1; half < n; half <<= 1) {
            int step = n / (2 * half);
            for (int start = 0; start < n; start += 2 * half) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = backward ? -sin[k * step] : sin[k * step];
                    int a = start + k;
                    int b = a + half;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
