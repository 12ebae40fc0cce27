package org.rcsweep.bench;

import dev.ludovic.netlib.blas.BLAS;

import java.util.Random;

/**
 * The machine's best available dense kernels, timed on operands of the benchmarked shape in the same run:
 * dev.ludovic.netlib picks a native BLAS when one is installed, else its Java Vector API port, else plain Java.
 */
final class Reference {
    private static final BLAS BLAS_IMPL = BLAS.getInstance();

    private Reference() {
    }

    static String implementation() {
        return BLAS_IMPL.getClass().getSimpleName();
    }

    /** GFLOP/s of C (p × m) += Aᵀ B with A: k × p and B: k × m (row-major), as the capacity accumulation does. */
    static double gemm(int k, int p, int m, double seconds) {
        Random random = new Random(1);
        double[] a = randomArray(k * p, random);
        double[] b = randomArray(k * m, random);
        double[] c = new double[p * m];
        // Row-major Aᵀ B (p × m) is, in column-major terms, the m × p matrix Bᵀ A: dgemm("N", "T") on the row-major
        // arrays read as column-major m × k and p × k.
        Runnable call = () -> BLAS_IMPL.dgemm("N", "T", m, p, k, 1.0, b, m, a, p, 1.0, c, m);
        return rate(call, 2.0 * k * p * m, seconds);
    }

    /**
     * GFLOP/s of rcsweep's own SIMD kernel ({@code TransposeProduct.multAddTransA}, all threads) for C (p × m) += Aᵀ B
     * with A: k × p and B: k × m: for W·X of an N × N W and N × S states, k = p = N and m = S.
     */
    static double ownGemm(int k, int p, int m, int threads, double seconds) {
        Random random = new Random(3);
        double[] a = randomArray(k * p, random);
        double[] b = randomArray(k * m, random);
        double[] c = new double[p * m];
        Runnable call = () -> org.rcsweep.stats.TransposeProduct.multAddTransA(a, k, p, b, 0, m, c, 0, threads);
        return rate(call, 2.0 * k * p * m, seconds);
    }

    /** GFLOP/s of y = W x for an n × n W. */
    static double gemv(int n, double seconds) {
        Random random = new Random(2);
        double[] w = randomArray(n * n, random);
        double[] x = randomArray(n, random);
        double[] y = new double[n];
        Runnable call = () -> BLAS_IMPL.dgemv("T", n, n, 1.0, w, n, x, 1, 0.0, y, 1);
        return rate(call, 2.0 * n * n, seconds);
    }

    /** Runs the call repeatedly: a warm-up of a third of the time, then the best of three timed thirds. */
    static double rate(Runnable call, double flopsPerCall, double seconds) {
        runFor(call, seconds / 3);
        double best = 0;
        for (int rep = 0; rep < 3; rep++) {
            long start = System.nanoTime();
            long calls = runFor(call, seconds / 6);
            double elapsed = (System.nanoTime() - start) * 1e-9;
            best = Math.max(best, calls * flopsPerCall / elapsed * 1e-9);
        }
        return best;
    }

    private static long runFor(Runnable call, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long calls = 0;
        do {
            call.run();
            calls++;
        } while (System.nanoTime() < end);
        return calls;
    }

    static double[] randomArray(int length, Random random) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = 2 * random.nextDouble() - 1;
        }
        return v;
    }
}
