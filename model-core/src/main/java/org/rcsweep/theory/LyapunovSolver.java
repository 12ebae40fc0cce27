package org.rcsweep.theory;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Solves the discrete Lyapunov (Stein) equation Γ = AΓAᵀ + Q for stable A (spectral radius &lt; 1) by the doubling
 * iteration Γ_{j+1} = Γ_j + A_j Γ_j A_jᵀ, A_{j+1} = A_j², which sums Σ_i AⁱQAⁱᵀ over 2^j terms after j steps
 * (Smith 1968). Each step costs three N×N products; convergence is quadratic in the number of terms, so even
 * ρ(A) = 0.999 needs about 20 steps. Unstable A is detected when A_j stops shrinking.
 */
public final class LyapunovSolver {
    /** Doubling steps before giving up: 2^64 terms, enough for any ρ(A) &lt; 1 − 1e-15. */
    public static final int MAX_STEPS = 64;

    private LyapunovSolver() {
    }

    public static DMatrixRMaj solve(DMatrixRMaj a, DMatrixRMaj q) {
        int n = a.numRows;
        DMatrixRMaj gamma = q.copy();
        DMatrixRMaj ak = a.copy();
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        DMatrixRMaj next = new DMatrixRMaj(n, n);
        double scale = Math.max(NormOps_DDRM.normF(q), Double.MIN_NORMAL);
        for (int step = 0; step < MAX_STEPS; step++) {
            CommonOps_DDRM.mult(ak, gamma, tmp);
            CommonOps_DDRM.multTransB(tmp, ak, next);
            double increment = NormOps_DDRM.normF(next);
            CommonOps_DDRM.addEquals(gamma, next);
            if (!Double.isFinite(increment) || increment > 1e150 * scale) {
                throw new TheoryException("the linear dynamics are unstable (spectral radius ≥ 1): Γ diverges");
            }
            if (increment <= 1e-17 * NormOps_DDRM.normF(gamma)) {
                return symmetrise(gamma);
            }
            CommonOps_DDRM.mult(ak, ak, tmp);
            ak.setTo(tmp);
        }
        throw new TheoryException("the Lyapunov doubling did not converge in " + MAX_STEPS
                + " steps: spectral radius too close to 1");
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
