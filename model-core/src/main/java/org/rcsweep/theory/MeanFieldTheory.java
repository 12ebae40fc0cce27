package org.rcsweep.theory;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.rcsweep.model.LeakyRateReservoir;
import org.rcsweep.model.Tanh;
import org.rcsweep.spec.Activation;
import org.rcsweep.stats.Dot;
import org.rcsweep.stats.TransposeProduct;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;

/**
 * Mean-field (statistically linearised) memory theory of a leaky rate reservoir
 * x(t+1) = (1−a)x + a·f(h), h = Wx + w_in u(t+1) + b, from the weights alone (docs/theory.md §5).
 *
 * <p>Each pre-activation is taken as Gaussian, h_i ~ N(μ_i, s_i²), and f is split by Bussgang's theorem into
 * f(h_i) = g_i(h_i − μ_i) + f̄_i + ξ_i with gain g_i = E[f'(h_i)] and a residual ξ_i uncorrelated with h, of variance
 * r_i = Var f(h_i) − g_i² s_i², treated as white noise independent across neurons. The fluctuations then follow the
 * linear dynamics A = (1−a)I + a·GW, C = a·G·w_in with private noise of covariance a²·diag(r), whose stationary
 * covariance Γ = AΓAᵀ + σ²CCᵀ + a²diag(r) gives back the pre-activation statistics s_i² = (WΓWᵀ)_ii + w_in,i²σ²
 * and μ = b + W f̄. The gains, residual variances and mean outputs (g, r, f̄) are iterated to a fixed point with
 * Anderson mixing (a damped step where an extrapolated iterate is unstable), the means solved by Newton's method in
 * every evaluation; the memory function of the final linear dynamics is
 * {@link LinearMemoryTheory#fromCovariance}.
 *
 * <p>Gaussian expectations are computed by the trapezoidal rule in z = (h − μ)/s on [−9, 9] with step
 * min(0.4, 0.3/s): the integrands are analytic in a strip of half-width π/(2s) (the poles of tanh), so the rule
 * converges geometrically and is accurate to 2e-12 or better for every s (measured against a 400,000-point
 * reference for s from 0.001 to 30). A fixed 40-node Gauss–Hermite rule is not: its error in E[1 − tanh²] is 9e-4 at
 * s = 2 and 5e-2 at s = 5, which are ordinary pre-activation scales at input scale 2.
 *
 * <p>For the linear activation g = 1, r = 0 and the theory is the exact linear theory (one Lyapunov solve).
 */
public final class MeanFieldTheory {
    /** Evaluations of the self-consistency map before giving up. */
    public static final int MAX_ITERATIONS = 200;
    /** Converged when no gain, residual variance or mean output changes by more than this in one evaluation. */
    public static final double TOLERANCE = 1e-10;
    /**
     * Fraction of the way to the next iterate taken by a fallback step when the extrapolated iterate's dynamics are
     * unstable (halved again while the step is unstable).
     */
    public static final double DAMPING = 0.5;
    /** Iterates Anderson mixing extrapolates from. */
    public static final int ANDERSON_DEPTH = 5;
    private static final int MAX_HALVINGS = 30;
    private static final int MAX_NEWTON_STEPS = 50;
    /** Newton's method for the means stops at this residual relative to max(1, max|μ|). */
    private static final double NEWTON_TOLERANCE = 1e-13;
    private static final double Z_RANGE = 9.0;
    private static final double MAX_Z_STEP = 0.4;
    private static final double POLE_STEP = 0.3;

    /** The kind of the {@link LinearDynamics} it builds for tanh reservoirs. */
    public static final String KIND = "meanfield";

    private MeanFieldTheory() {
    }

    /**
     * The self-consistent state.
     *
     * @param gain        g_i = E[f'(h_i)]
     * @param residual    r_i = Var f(h_i) − g_i² s_i²
     * @param meanOutput  f̄_i = E f(h_i), the stationary mean of x_i
     * @param preMean     μ_i
     * @param preVariance s_i²
     * @param iterations  evaluations of the self-consistency map (0 for a linear reservoir)
     * @param dynamics    the statistically linearised dynamics (A, C, σ²)
     * @param gamma       their stationary covariance, residual noise included
     */
    public record FixedPoint(double[] gain, double[] residual, double[] meanOutput, double[] preMean,
                             double[] preVariance, int iterations, LinearDynamics dynamics, DMatrixRMaj gamma) {
    }

    /** The mean-field memory function: m_k(L) for the requested nested readout sets, as the linear theory. */
    public static LinearMemoryTheory.Result compute(FixedPoint fixedPoint, int[] readoutNeurons, int[] readouts,
                                                    int maxDelay, double maxCondition) {
        return LinearMemoryTheory.fromCovariance(fixedPoint.dynamics(), fixedPoint.gamma(), readoutNeurons, readouts,
                maxDelay, maxCondition);
    }

    public static FixedPoint solve(LeakyRateReservoir reservoir, double inputVariance, int threads) {
        return solve(reservoir.recurrentWeights(), reservoir.inputWeights(), reservoir.bias(), reservoir.leak(),
                reservoir.activation(), inputVariance, threads);
    }

    /**
     * Iterates the self-consistency map from the statistics of the input drive alone (s_i² = w_in,i²σ², μ = b),
     * or, if its linearisation is unstable, from saturated neurons (s_i² = w_in,i²σ² + Σ_j W_ij²).
     *
     * @throws TheoryException if no stable start is found or the iteration does not converge
     */
    public static FixedPoint solve(double[] w, double[] wIn, double[] bias, double leak, Activation activation,
                                   double inputVariance, int threads) {
        int n = wIn.length;
        SelfConsistency map = new SelfConsistency(w, wIn, bias, leak, inputVariance, threads);
        if (activation == Activation.LINEAR) {
            double[] one = new double[n];
            Arrays.fill(one, 1.0);
            Evaluation e = map.evaluate(new State(one, new double[n], new double[n]), false);
            return fixedPoint(e, 0);
        }
        if (activation != Activation.TANH) {
            throw new TheoryException("no mean-field theory for activation " + activation.label());
        }
        double[] inputOnly = new double[n];
        double[] saturated = new double[n];
        for (int i = 0; i < n; i++) {
            inputOnly[i] = wIn[i] * wIn[i] * inputVariance;
            saturated[i] = inputOnly[i] + Dot.dot(w, i * n, w, i * n, n);
        }
        State state = map.moments(bias, inputOnly);
        Evaluation current;
        try {
            current = map.evaluate(state, true);
        } catch (TheoryException unstable) {
            try {
                state = map.moments(map.bias(), saturated);
                current = map.evaluate(state, true);
            } catch (TheoryException again) {
                throw new TheoryException("no start: from the input drive alone, " + unstable.getMessage()
                        + "; from saturated neurons, " + again.getMessage());
            }
        }
        int evaluations = 1;
        double change = Double.NaN;
        ArrayDeque<double[][]> history = new ArrayDeque<>();
        while (evaluations < MAX_ITERATIONS) {
            double[] x = current.state().flat();
            double[] f = current.next().flat();
            change = 0;
            for (int i = 0; i < f.length; i++) {
                f[i] -= x[i];
                change = Math.max(change, Math.abs(f[i]));
            }
            if (!Double.isFinite(change)) {
                throw new TheoryException("the iteration produced non-finite statistics");
            }
            if (change <= TOLERANCE) {
                return fixedPoint(current, evaluations);
            }
            history.addLast(new double[][] {x, f});
            if (history.size() > ANDERSON_DEPTH + 1) {
                history.removeFirst();
            }
            Evaluation next = null;
            try {
                next = map.evaluate(State.of(anderson(history), n), true);
            } catch (TheoryException unstable) {
                history.clear(); // start the extrapolation afresh from damped steps
                double step = DAMPING;
                for (int halving = 0; next == null; halving++) {
                    try {
                        next = map.evaluate(current.state().towards(current.next(), step), true);
                    } catch (TheoryException again) {
                        if (halving == MAX_HALVINGS) {
                            throw new TheoryException("every damped step from iteration " + evaluations
                                    + " leads to unstable dynamics");
                        }
                        step *= 0.5;
                    }
                }
            }
            evaluations++;
            current = next;
        }
        throw new TheoryException("no fixed point: not converged in " + MAX_ITERATIONS + " iterations (last change "
                + String.format(Locale.ROOT, "%.1e", change) + ", tolerance " + TOLERANCE + ")");
    }

    /**
     * Anderson mixing (Walker & Ni 2011) over the stored iterates x_j and residuals f_j = F(x_j) − x_j, newest last:
     * γ minimises ‖f_k − ΔF γ‖ (column-pivoted QR, rank-revealing), and the next iterate is
     * x_k + f_k − (ΔX + ΔF) γ. With one stored iterate this is the plain step x_k + f_k.
     */
    private static double[] anderson(ArrayDeque<double[][]> history) {
        double[][][] h = history.toArray(new double[0][][]);
        int k = h.length - 1;
        double[] x = h[k][0].clone();
        double[] f = h[k][1];
        int size = x.length;
        for (int i = 0; i < size; i++) {
            x[i] += f[i];
        }
        if (k == 0) {
            return x;
        }
        DMatrixRMaj df = new DMatrixRMaj(size, k);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < size; i++) {
                df.data[i * k + j] = h[j + 1][1][i] - h[j][1][i];
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        DMatrixRMaj gamma = new DMatrixRMaj(k, 1);
        if (!solver.setA(df)) {
            return x;
        }
        solver.solve(DMatrixRMaj.wrap(size, 1, f.clone()), gamma);
        for (int j = 0; j < k; j++) {
            double c = gamma.data[j];
            if (!Double.isFinite(c)) {
                return h[k][0].clone();
            }
            for (int i = 0; i < size; i++) {
                x[i] -= c * ((h[j + 1][0][i] - h[j][0][i]) + (h[j + 1][1][i] - h[j][1][i]));
            }
        }
        return x;
    }

    private static FixedPoint fixedPoint(Evaluation e, int iterations) {
        State s = e.state();
        return new FixedPoint(s.gain(), s.residual(), s.meanOutput(), e.preMean(), e.preVariance(), iterations,
                e.dynamics(), e.gamma());
    }

    /**
     * E tanh(h), E[1 − tanh²(h)] and Var tanh(h) for h ~ N(μ, s²), by the trapezoidal rule in z = (h − μ)/s (see the
     * class comment for its accuracy).
     */
    public static double[] tanhMoments(double mu, double s) {
        if (!(s >= 0) || !Double.isFinite(mu) || !Double.isFinite(s)) {
            throw new TheoryException("pre-activation statistics are not finite");
        }
        double step = s == 0 ? MAX_Z_STEP : Math.min(MAX_Z_STEP, POLE_STEP / s);
        int half = (int) Math.ceil(Z_RANGE / step);
        step = Z_RANGE / half;
        double weights = 0;
        double mean = 0;
        double square = 0;
        for (int j = -half; j <= half; j++) {
            double z = j * step;
            double weight = StrictMath.exp(-0.5 * z * z);
            double t = Tanh.tanh(mu + s * z);
            weights += weight;
            mean += weight * t;
            square += weight * t * t;
        }
        mean /= weights; // the discrete weights sum to 1 within 1e-16 of the Gaussian's; normalise exactly
        square /= weights;
        double variance = Math.max(0.0, square - mean * mean);
        double gain = 1.0 - square; // E[1 − tanh²]
        return new double[] {mean, gain, variance};
    }

    /** Gains, residual variances and mean outputs: the variables of the iteration. */
    private record State(double[] gain, double[] residual, double[] meanOutput) {
        double[] flat() {
            int n = gain.length;
            double[] x = new double[3 * n];
            System.arraycopy(gain, 0, x, 0, n);
            System.arraycopy(residual, 0, x, n, n);
            System.arraycopy(meanOutput, 0, x, 2 * n, n);
            return x;
        }

        /** The state of a flat vector, projected onto its range: g ∈ [0, 1], r ≥ 0, f̄ ∈ [−1, 1]. */
        static State of(double[] x, int n) {
            double[] g = new double[n];
            double[] r = new double[n];
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = Math.min(1.0, Math.max(0.0, x[i]));
                r[i] = Math.max(0.0, x[n + i]);
                m[i] = Math.min(1.0, Math.max(-1.0, x[2 * n + i]));
            }
            return new State(g, r, m);
        }

        State towards(State o, double step) {
            int n = gain.length;
            double[] g = new double[n];
            double[] r = new double[n];
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = gain[i] + step * (o.gain[i] - gain[i]);
                r[i] = residual[i] + step * (o.residual[i] - residual[i]);
                m[i] = meanOutput[i] + step * (o.meanOutput[i] - meanOutput[i]);
            }
            return new State(g, r, m);
        }
    }

    /** The map evaluated at a state: its linear dynamics, their covariance, the implied statistics and next state. */
    private record Evaluation(State state, LinearDynamics dynamics, DMatrixRMaj gamma, double[] preMean,
                              double[] preVariance, State next) {
    }

    /** The self-consistency map of one reservoir. */
    private static final class SelfConsistency {
        private final int n;
        private final double[] w;
        private final double[] wT;
        private final double[] wIn;
        private final double[] bias;
        private final boolean zeroBias;
        private final double leak;
        private final double sigma2;
        private final int threads;

        SelfConsistency(double[] w, double[] wIn, double[] bias, double leak, double sigma2, int threads) {
            this.n = wIn.length;
            this.w = w;
            this.wIn = wIn;
            this.bias = bias;
            this.leak = leak;
            this.sigma2 = sigma2;
            this.threads = threads;
            this.wT = new double[n * n];
            CommonOps_DDRM.transpose(DMatrixRMaj.wrap(n, n, w), DMatrixRMaj.wrap(n, n, wT));
            boolean zero = true;
            for (double v : bias) {
                zero &= v == 0.0;
            }
            this.zeroBias = zero;
        }

        double[] bias() {
            return bias;
        }

        /** The state implied by pre-activation means μ and variances s². */
        State moments(double[] mu, double[] variance) {
            double[] g = new double[n];
            double[] r = new double[n];
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                double[] t = tanhMoments(mu[i], Math.sqrt(variance[i]));
                g[i] = t[1];
                r[i] = Math.max(0.0, t[2] - t[1] * t[1] * variance[i]);
                // odd tanh and μ = 0 without bias: f̄ = 0 exactly (the rule's ± nodes would leave 1e-17)
                m[i] = zeroBias ? 0.0 : t[0];
            }
            return new State(g, r, m);
        }

        Evaluation evaluate(State state, boolean nonlinear) {
            double[] g = state.gain();
            DMatrixRMaj a = new DMatrixRMaj(n, n);
            DMatrixRMaj c = new DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) { // as Linearization: exactly its A for unit gains
                    a.data[i * n + j] = leak * g[i] * w[i * n + j] + (i == j ? 1.0 - leak : 0.0);
                }
                c.data[i] = leak * g[i] * wIn[i];
            }
            DMatrixRMaj q = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    q.data[i * n + j] = sigma2 * c.data[i] * c.data[j];
                }
                q.data[i * n + i] += leak * leak * state.residual()[i];
            }
            DMatrixRMaj gamma = LyapunovSolver.solve(a, q, threads);
            LinearDynamics dynamics = new LinearDynamics(a, c, sigma2, nonlinear ? KIND : LinearDynamics.EXACT);
            if (!nonlinear) {
                return new Evaluation(state, dynamics, gamma, null, null, state);
            }
            // s² = diag(W Γ Wᵀ) + w_in² σ², with W Γ = (Wᵀ)ᵀ Γ through the product kernel
            double[] product = new double[n * n];
            TransposeProduct.multAddTransA(wT, n, n, gamma.data, 0, n, product, 0, threads);
            double[] variance = new double[n];
            double[] mu = new double[n];
            for (int i = 0; i < n; i++) {
                variance[i] = Math.max(0.0, Dot.dot(product, i * n, w, i * n, n)) + wIn[i] * wIn[i] * sigma2;
                mu[i] = zeroBias ? 0.0 : bias[i] + Dot.dot(w, i * n, state.meanOutput(), 0, n);
            }
            if (!zeroBias) {
                solveMean(mu, variance);
            }
            return new Evaluation(state, dynamics, gamma, mu, variance, moments(mu, variance));
        }

        /**
         * Solves μ = b + W f̄(μ, s²) for the given variances by Newton's method from {@code mu} (overwritten): the
         * Jacobian of the residual μ − b − W f̄ is I − W·diag(g), since ∂E f(h)/∂μ = E f'(h) for Gaussian h; each
         * step is one LU solve. The mean loop alone contracts only by ρ(W·G) per plain iteration, which Anderson
         * mixing does not speed up for the disc-shaped spectrum of a random W.
         */
        private void solveMean(double[] mu, double[] variance) {
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = Math.sqrt(variance[i]);
            }
            double[] fbar = new double[n];
            double[] g = new double[n];
            DMatrixRMaj jacobian = new DMatrixRMaj(n, n);
            DMatrixRMaj residual = new DMatrixRMaj(n, 1);
            DMatrixRMaj step = new DMatrixRMaj(n, 1);
            double last = Double.POSITIVE_INFINITY;
            for (int it = 0; it < MAX_NEWTON_STEPS; it++) {
                double scale = 1.0;
                for (int i = 0; i < n; i++) {
                    double[] t = tanhMoments(mu[i], s[i]);
                    fbar[i] = t[0];
                    g[i] = t[1];
                    scale = Math.max(scale, Math.abs(mu[i]));
                }
                double size = 0;
                for (int i = 0; i < n; i++) {
                    residual.data[i] = mu[i] - bias[i] - Dot.dot(w, i * n, fbar, 0, n);
                    size = Math.max(size, Math.abs(residual.data[i]));
                }
                if (size <= NEWTON_TOLERANCE * scale || size >= last && size <= 1e3 * NEWTON_TOLERANCE * scale) {
                    return; // converged, or at the rounding floor
                }
                last = size;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        jacobian.data[i * n + j] = (i == j ? 1.0 : 0.0) - w[i * n + j] * g[j];
                    }
                }
                LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
                if (!lu.setA(jacobian)) {
                    throw new TheoryException("the mean-field mean equation is singular");
                }
                lu.solve(residual, step);
                for (int i = 0; i < n; i++) {
                    mu[i] -= step.data[i];
                }
            }
            throw new TheoryException("no self-consistent mean: Newton's method did not converge in "
                    + MAX_NEWTON_STEPS + " steps");
        }
    }
}
