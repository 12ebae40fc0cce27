package org.rcsweep.theory;

import org.ejml.data.DMatrixRMaj;
import org.rcsweep.model.DiagonalSsmReservoir;
import org.rcsweep.model.LeakyRateReservoir;
import org.rcsweep.model.LearnedMemoryReservoir;
import org.rcsweep.model.Reservoir;
import org.rcsweep.model.Tanh;
import org.rcsweep.spec.Activation;

/**
 * The linear dynamics of a leaky rate reservoir x(t+1) = (1−a)x + a·f(Wx + w_in u + b): exactly A = (1−a)I + aW,
 * C = a·w_in when f is linear; for f = tanh the Jacobian at the zero-input fixed point x* = tanh(Wx* + b),
 * A = (1−a)I + a·D W, C = a·D w_in with D = diag(1 − tanh²(Wx* + b)) — valid for weak input.
 */
public final class Linearization {
    private static final int FIXED_POINT_ITERATIONS = 5000;
    private static final double FIXED_POINT_TOLERANCE = 1e-13;

    private Linearization() {
    }

    /** Linear dynamics of any reservoir that has them (leaky rate reservoirs, diagonal SSMs, learned memories). */
    public static LinearDynamics of(Reservoir reservoir, double inputVariance) {
        if (reservoir instanceof LeakyRateReservoir leaky) {
            return of(leaky, inputVariance);
        }
        if (reservoir instanceof DiagonalSsmReservoir ssm) {
            int n = ssm.size();
            DMatrixRMaj c = DMatrixRMaj.wrap(n, 1, ssm.inputWeights());
            // tanh(h) has slope 1 at h = 0: the state theory is exact for h and linearised for tanh(h).
            return new LinearDynamics(DMatrixRMaj.wrap(n, n, ssm.transition()), c, inputVariance,
                    ssm.tanhReadout() ? LinearDynamics.LINEARISED : LinearDynamics.EXACT);
        }
        if (reservoir instanceof LearnedMemoryReservoir learned) {
            int n = learned.size();
            return new LinearDynamics(DMatrixRMaj.wrap(n, n, learned.transition()),
                    DMatrixRMaj.wrap(n, 1, learned.inputWeights()), inputVariance, LinearDynamics.EXACT,
                    learned.noiseVariance());
        }
        throw new TheoryException("no linear theory for a " + reservoir.getClass().getSimpleName());
    }

    public static LinearDynamics of(LeakyRateReservoir reservoir, double inputVariance) {
        int n = reservoir.size();
        double[] w = reservoir.recurrentWeights();
        double[] wIn = reservoir.inputWeights();
        double leak = reservoir.leak();
        double[] slope = new double[n];
        java.util.Arrays.fill(slope, 1.0);
        String kind = LinearDynamics.EXACT;
        if (reservoir.activation() == Activation.TANH) {
            slope = tanhSlopesAtFixedPoint(w, reservoir.bias(), n);
            kind = LinearDynamics.LINEARISED;
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        DMatrixRMaj c = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.data[i * n + j] = leak * slope[i] * w[i * n + j] + (i == j ? 1.0 - leak : 0.0);
            }
            c.data[i] = leak * slope[i] * wIn[i];
        }
        return new LinearDynamics(a, c, inputVariance, kind);
    }

    /** 1 − tanh²(Wx* + b) at the fixed point x* = tanh(Wx* + b), found by iteration (x* = 0 when b = 0). */
    private static double[] tanhSlopesAtFixedPoint(double[] w, double[] b, int n) {
        double[] x = new double[n];
        double[] pre = new double[n];
        boolean zeroBias = true;
        for (double v : b) {
            zeroBias &= v == 0.0;
        }
        if (!zeroBias) {
            boolean converged = false;
            for (int it = 0; it < FIXED_POINT_ITERATIONS && !converged; it++) {
                double change = 0;
                for (int i = 0; i < n; i++) {
                    double s = b[i];
                    for (int j = 0; j < n; j++) {
                        s += w[i * n + j] * x[j];
                    }
                    pre[i] = s;
                }
                for (int i = 0; i < n; i++) {
                    double v = Tanh.tanh(pre[i]);
                    change = Math.max(change, Math.abs(v - x[i]));
                    x[i] = v;
                }
                converged = change < FIXED_POINT_TOLERANCE;
            }
            if (!converged) {
                throw new TheoryException("no stable zero-input fixed point found to linearise around");
            }
        }
        double[] slope = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int j = 0; j < n; j++) {
                s += w[i * n + j] * x[j];
            }
            double t = Tanh.tanh(s);
            slope[i] = 1.0 - t * t;
        }
        return slope;
    }
}
