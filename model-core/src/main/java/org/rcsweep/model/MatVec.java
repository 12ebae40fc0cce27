package org.rcsweep.model;

/** Row-times-vector products with a fixed summation order (four partial sums), shared by the reservoirs. */
final class MatVec {
    private MatVec() {
    }

    /** Σ_j a[i·n + j]·x[j]. */
    static double row(double[] a, int i, double[] x, int n) {
        int offset = i * n;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[offset + j] * x[j];
            s1 += a[offset + j + 1] * x[j + 1];
            s2 += a[offset + j + 2] * x[j + 2];
            s3 += a[offset + j + 3] * x[j + 3];
        }
        for (; j < n; j++) {
            s0 += a[offset + j] * x[j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
