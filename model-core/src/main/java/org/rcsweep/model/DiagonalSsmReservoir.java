package org.rcsweep.model;

/**
 * h(t+1) = Λ h(t) + B u(t+1) with Λ block-diagonal (2×2 rotation-scaling blocks for complex pairs, a 1×1 block for a
 * trailing real eigenvalue); readout features are h or tanh(h). O(N) per step.
 */
public final class DiagonalSsmReservoir implements Reservoir {
    private final int n;
    private final double[] modulus;
    /** (r_k cos θ_k, r_k sin θ_k) per pair k, with StrictMath so that every platform gets the same bits. */
    private final double[] rotation;
    private final double[] b;
    private final boolean tanhReadout;
    private final double[] h;

    /**
     * @param modulus |λ| per block (⌈N/2⌉ blocks)
     * @param phase   θ per block (a 1×1 block at the end for odd N ignores it)
     * @param b       input weights, length N
     */
    public DiagonalSsmReservoir(double[] modulus, double[] phase, double[] b, boolean tanhReadout) {
        this.n = b.length;
        this.modulus = modulus.clone();
        this.rotation = new double[2 * (n / 2)];
        for (int k = 0; k < n / 2; k++) {
            rotation[2 * k] = modulus[k] * StrictMath.cos(phase[k]);
            rotation[2 * k + 1] = modulus[k] * StrictMath.sin(phase[k]);
        }
        this.b = b.clone();
        this.tanhReadout = tanhReadout;
        this.h = new double[n];
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public void advance(double[] u, int from, int steps, double[] states) {
        int pairs = n / 2;
        for (int s = 0; s < steps; s++) {
            double ut = u[from + s];
            for (int k = 0; k < pairs; k++) {
                double re = rotation[2 * k];
                double im = rotation[2 * k + 1];
                double a = h[2 * k];
                double c = h[2 * k + 1];
                h[2 * k] = re * a - im * c + b[2 * k] * ut;
                h[2 * k + 1] = im * a + re * c + b[2 * k + 1] * ut;
            }
            if (n % 2 == 1) {
                h[n - 1] = modulus[pairs] * h[n - 1] + b[n - 1] * ut;
            }
            if (tanhReadout) {
                Tanh.apply(h, 0, states, s * n, n);
            } else {
                System.arraycopy(h, 0, states, s * n, n);
            }
        }
    }

    /** Λ as a dense row-major matrix (for the theory). */
    public double[] transition() {
        double[] a = new double[n * n];
        int pairs = n / 2;
        for (int k = 0; k < pairs; k++) {
            double re = rotation[2 * k];
            double im = rotation[2 * k + 1];
            int i = 2 * k;
            a[i * n + i] = re;
            a[i * n + i + 1] = -im;
            a[(i + 1) * n + i] = im;
            a[(i + 1) * n + i + 1] = re;
        }
        if (n % 2 == 1) {
            a[n * n - 1] = modulus[pairs];
        }
        return a;
    }

    public double[] inputWeights() {
        return b.clone();
    }

    public boolean tanhReadout() {
        return tanhReadout;
    }
}
