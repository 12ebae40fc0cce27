package org.rcsweep.model;

import org.rcsweep.spec.Activation;

/**
 * x(t+1) = (1−a)·x(t) + a·f(W x(t) + w_in u(t+1) + b) with dense row-major W. Echo state networks, linear
 * reservoirs, rings, delay lines and orthogonal reservoirs are all instances with different weights.
 */
public final class LeakyRateReservoir implements Reservoir {
    private final int n;
    private final double[] w;
    private final double[] wIn;
    private final double[] bias;
    private final double leak;
    private final Activation activation;
    private final double[] x;
    private final double[] next;
    private final double[] drive;

    public LeakyRateReservoir(double[] w, double[] wIn, double[] bias, double leak, Activation activation) {
        this.n = wIn.length;
        if (w.length != n * n || bias.length != n) {
            throw new IllegalArgumentException("W must be " + n + "x" + n + " and b of length " + n);
        }
        this.w = w.clone();
        this.wIn = wIn.clone();
        this.bias = bias.clone();
        this.leak = leak;
        this.activation = activation;
        this.x = new double[n];
        this.next = new double[n];
        this.drive = new double[n];
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public void advance(double[] u, int from, int steps, double[] states) {
        boolean tanh = activation == Activation.TANH;
        double keep = 1.0 - leak;
        for (int s = 0; s < steps; s++) {
            double ut = u[from + s];
            MatVec.product(w, x, n, drive);
            for (int i = 0; i < n; i++) {
                double pre = drive[i] + wIn[i] * ut + bias[i];
                double f = tanh ? Math.tanh(pre) : pre;
                next[i] = keep * x[i] + leak * f;
            }
            System.arraycopy(next, 0, x, 0, n);
            System.arraycopy(x, 0, states, s * n, n);
        }
    }

    /** A copy of the recurrent matrix (row-major). */
    public double[] recurrentWeights() {
        return w.clone();
    }

    public double[] inputWeights() {
        return wIn.clone();
    }

    public double[] bias() {
        return bias.clone();
    }

    public double leak() {
        return leak;
    }

    public Activation activation() {
        return activation;
    }
}
