package org.rcsweep.model;

/**
 * Lower-triangular Cholesky factor M = R Rᵀ of a symmetric positive-definite matrix that changes by
 * M ← α·M + β·v vᵀ (α, β &gt; 0). The update rescales R by √α and applies the rank-one update of √β·v with Givens-like
 * rotations (the LINPACK {@code dchud} recurrence), O(N²) per step instead of the O(N³) of refactorising; a positive
 * update keeps every pivot positive, so the factor stays valid without pivoting.
 */
final class CholeskyFactor {
    private final int n;
    private final double[] r;
    private final double[] work;

    /** The factor of the N × N identity. */
    CholeskyFactor(int n) {
        this.n = n;
        this.r = new double[n * n];
        this.work = new double[n];
        for (int i = 0; i < n; i++) {
            r[i * n + i] = 1.0;
        }
    }

    /** M ← α·M + β·v vᵀ. */
    void scaleAndUpdate(double alpha, double beta, double[] v) {
        double sa = Math.sqrt(alpha);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                r[i * n + j] *= sa;
            }
        }
        double sb = Math.sqrt(beta);
        for (int i = 0; i < n; i++) {
            work[i] = sb * v[i];
        }
        for (int k = 0; k < n; k++) {
            double rkk = r[k * n + k];
            double h = Math.hypot(rkk, work[k]);
            double c = h / rkk;
            double s = work[k] / rkk;
            r[k * n + k] = h;
            for (int i = k + 1; i < n; i++) {
                double rik = (r[i * n + k] + s * work[i]) / c;
                work[i] = c * work[i] - s * rik;
                r[i * n + k] = rik;
            }
        }
    }

    /** Solves M x = b in place (b becomes x) by forward then transposed back substitution. */
    void solveInPlace(double[] b) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int j = 0; j < i; j++) {
                s -= r[i * n + j] * b[j];
            }
            b[i] = s / r[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= r[j * n + i] * b[j];
            }
            b[i] = s / r[i * n + i];
        }
    }

    /** M_ii = Σ_j R_ij². */
    double diagonal(int i) {
        double s = 0;
        for (int j = 0; j <= i; j++) {
            s += r[i * n + j] * r[i * n + j];
        }
        return s;
    }

    /** M itself, row-major (for tests and for reporting). */
    double[] matrix() {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k <= j; k++) {
                    s += r[i * n + k] * r[j * n + k];
                }
                m[i * n + j] = s;
                m[j * n + i] = s;
            }
        }
        return m;
    }
}
