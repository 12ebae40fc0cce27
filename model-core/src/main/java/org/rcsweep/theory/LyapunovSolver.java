package org.rcsweep.theory;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.rcsweep.stats.TransposeProduct;

import java.util.Arrays;

/**
 * Solves the discrete Lyapunov (Stein) equation Γ = AΓAᵀ + Q for stable A (spectral radius &lt; 1) by the doubling
 * iteration Γ_{j+1} = Γ_j + A_j Γ_j A_jᵀ, A_{j+1} = A_j², which sums Σ_i AⁱQAⁱᵀ over 2^j terms after j steps
 * (Smith 1968). Convergence is quadratic in the number of terms, so even ρ(A) = 0.999 needs about 20 steps. Unstable A
 * is detected when A_j stops shrinking.
 *
 * <p>Each step is two and a half N × N products through the SIMD kernel ({@link TransposeProduct}): A_jΓ_j, the upper
 * triangle of (A_jΓ_j)A_jᵀ (the term is symmetric, so its lower triangle is mirrored, which also keeps Γ exactly
 * symmetric), and A_j²; with a general-purpose library's products the solve would cost several times a whole
 * memory-capacity point at N = 1000. Every product entry is a fixed fma chain, so the result does not depend on the
 * threads.
 */
public final class LyapunovSolver {
    /** Doubling steps before giving up: 2^64 terms, enough for any ρ(A) &lt; 1 − 1e-15. */
    public static final int MAX_STEPS = 64;

    private LyapunovSolver() {
    }

    public static DMatrixRMaj solve(DMatrixRMaj a, DMatrixRMaj q) {
        return solve(a, q, 1);
    }

    /** As {@link #solve(DMatrixRMaj, DMatrixRMaj)}, the products on several threads (same result). */
    public static DMatrixRMaj solve(DMatrixRMaj a, DMatrixRMaj q, int threads) {
        int n = a.numRows;
        double[] gamma = q.data.clone();
        double[] ak = a.data.clone();
        double[] akT = new double[n * n];
        double[] product = new double[n * n];
        double[] productT = new double[n * n];
        double[] term = new double[n * n];
        double scale = Math.max(NormOps_DDRM.normF(q), Double.MIN_NORMAL);
        for (int step = 0; step < MAX_STEPS; step++) {
            transpose(ak, akT, n);
            // product = A_j Γ_j, as (A_jᵀ)ᵀ Γ_j
            Arrays.fill(product, 0.0);
            TransposeProduct.multAddTransA(akT, n, n, gamma, 0, n, product, 0, threads);
            // term = (A_j Γ_j) A_jᵀ, as (productᵀ)ᵀ A_jᵀ, upper triangle then mirrored
            transpose(product, productT, n);
            Arrays.fill(term, 0.0);
            TransposeProduct.multAddTransAUpper(productT, n, n, akT, term, 0, n, threads);
            TransposeProduct.mirrorUpper(term, n);
            double increment = normF(term, n);
            for (int i = 0; i < gamma.length; i++) {
                gamma[i] += term[i];
            }
            if (!Double.isFinite(increment) || increment > 1e150 * scale) {
                throw new TheoryException("the linear dynamics are unstable (spectral radius ≥ 1): Γ diverges");
            }
            if (increment <= 1e-17 * normF(gamma, n)) {
                return symmetrise(DMatrixRMaj.wrap(n, n, gamma));
            }
            // A_{j+1} = A_j², as (A_jᵀ)ᵀ A_j
            Arrays.fill(product, 0.0);
            TransposeProduct.multAddTransA(akT, n, n, ak, 0, n, product, 0, threads);
            double[] swap = ak;
            ak = product;
            product = swap;
        }
        throw new TheoryException("the Lyapunov doubling did not converge in " + MAX_STEPS
                + " steps: spectral radius too close to 1");
    }

    private static void transpose(double[] from, double[] to, int n) {
        CommonOps_DDRM.transpose(DMatrixRMaj.wrap(n, n, from), DMatrixRMaj.wrap(n, n, to));
    }

    private static double normF(double[] m, int n) {
        return NormOps_DDRM.normF(DMatrixRMaj.wrap(n, n, m));
    }

    private static DMatrixRMaj symmetrise(DMatrixRMaj g) {
        int n = g.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (g.get(i, j) + g.get(j, i));
                g.set(i, j, v);
                g.set(j, i, v);
            }
        }
        return g;
    }
}
