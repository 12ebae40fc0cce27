package org.rcsweep.random;

/**
 * A seeded xoshiro256** generator with its own Gaussian sampler.
 *
 * <p>Implemented here rather than taken from {@code java.util} so that a seed produces the same numbers on every
 * JVM version and vendor: the specification of {@code SplittableRandom} and {@code Random#nextGaussian} leaves room
 * for implementation changes, and rows computed on a laptop must equal rows computed on a cluster. Not thread-safe;
 * each task builds its own.
 */
public final class Rng {
    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private double spareGaussian;
    private boolean hasSpare;

    public Rng(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = SplitMix64.mix(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = SplitMix64.mix(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = SplitMix64.mix(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = SplitMix64.mix(x);
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on [lo, hi). */
    public double nextDouble(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform integer in [0, bound), without modulo bias (Lemire's method with rejection). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long r = nextLong() >>> 33; // 31 bits
        long m = r * bound;
        long l = m & 0x7FFFFFFFL;
        if (l < bound) {
            long threshold = (0x80000000L - bound) % bound;
            while (l < threshold) {
                r = nextLong() >>> 33;
                m = r * bound;
                l = m & 0x7FFFFFFFL;
            }
        }
        return (int) (m >>> 31);
    }

    /** Standard normal by Marsaglia's polar method (uses only +, *, log, sqrt: reproducible with StrictMath). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * nextDouble() - 1.0;
            v = 2.0 * nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double factor = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
        spareGaussian = v * factor;
        hasSpare = true;
        return u * factor;
    }

    /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}
