package org.rcsweep.model;

/**
 * Light GRU with fixed random weights: z = σ(w_z u + U_z h), h̃ = ReLU(w_h u + U_h h) — or, stabilised,
 * ReLU(w_h u + LN(U_h h)) with LN a layer normalisation without learned gain — and h ← z ⊙ h + (1 − z) ⊙ h̃.
 * ReLU is unbounded, so the plain cell can diverge; the normalised candidate term keeps the stabilised one bounded.
 */
public final class LiGruReservoir implements Reservoir {
    private static final double LAYER_NORM_EPSILON = 1e-5;
    private final int n;
    private final double[] uz;
    private final double[] uh;
    private final double[] wz;
    private final double[] wh;
    private final boolean stabilised;
    private final double[] h;
    private final double[] recurrent;
    private final double[] next;

    public LiGruReservoir(double[] uz, double[] uh, double[] wz, double[] wh, boolean stabilised) {
        this.n = wz.length;
        this.uz = uz.clone();
        this.uh = uh.clone();
        this.wz = wz.clone();
        this.wh = wh.clone();
        this.stabilised = stabilised;
        this.h = new double[n];
        this.recurrent = new double[n];
        this.next = new double[n];
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public void advance(double[] u, int from, int steps, double[] states) {
        for (int s = 0; s < steps; s++) {
            double ut = u[from + s];
            for (int i = 0; i < n; i++) {
                recurrent[i] = MatVec.row(uh, i, h, n);
            }
            if (stabilised) {
                layerNorm(recurrent);
            }
            for (int i = 0; i < n; i++) {
                double z = 1.0 / (1.0 + StrictMath.exp(-(wz[i] * ut + MatVec.row(uz, i, h, n))));
                double candidate = Math.max(0.0, wh[i] * ut + recurrent[i]);
                next[i] = z * h[i] + (1.0 - z) * candidate;
            }
            System.arraycopy(next, 0, h, 0, n);
            System.arraycopy(h, 0, states, s * n, n);
        }
    }

    private static void layerNorm(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean) / v.length;
        }
        double scale = 1.0 / Math.sqrt(var + LAYER_NORM_EPSILON);
        for (int i = 0; i < v.length; i++) {
            v[i] = (v[i] - mean) * scale;
        }
    }
}
