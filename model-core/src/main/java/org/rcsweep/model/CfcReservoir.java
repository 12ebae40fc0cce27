package org.rcsweep.model;

/**
 * Closed-form continuous-time cell with fixed random weights:
 * x(t+1) = σ(−f·Δt) ⊙ g + (1 − σ(−f·Δt)) ⊙ h, f = W_f x + w_f u + b_f, g = tanh(W_g x + w_g u),
 * h = tanh(W_h x + w_h u). States stay in (−1, 1): each update is a convex combination of two tanh heads.
 */
public final class CfcReservoir implements Reservoir {
    private final int n;
    private final double[] wf;
    private final double[] wg;
    private final double[] wh;
    private final double[] inF;
    private final double[] inG;
    private final double[] inH;
    private final double gateBias;
    private final double dt;
    private final double[] x;
    private final double[] next;

    public CfcReservoir(double[] wf, double[] wg, double[] wh, double[] inF, double[] inG, double[] inH,
                        double gateBias, double dt) {
        this.n = inG.length;
        this.wf = wf.clone();
        this.wg = wg.clone();
        this.wh = wh.clone();
        this.inF = inF.clone();
        this.inG = inG.clone();
        this.inH = inH.clone();
        this.gateBias = gateBias;
        this.dt = dt;
        this.x = new double[n];
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
                double f = MatVec.row(wf, i, x, n) + inF[i] * ut + gateBias;
                double g = Tanh.tanh(MatVec.row(wg, i, x, n) + inG[i] * ut);
                double h = Tanh.tanh(MatVec.row(wh, i, x, n) + inH[i] * ut);
                double gate = 1.0 / (1.0 + StrictMath.exp(f * dt)); // σ(−f·Δt)
                next[i] = gate * g + (1.0 - gate) * h;
            }
            System.arraycopy(next, 0, x, 0, n);
            System.arraycopy(x, 0, states, s * n, n);
        }
    }
}
