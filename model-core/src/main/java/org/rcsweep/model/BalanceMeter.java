package org.rcsweep.model;

/** Accumulates each neuron's feedforward and lateral input over a window and summarises it as an {@link InputBalance}. */
final class BalanceMeter {
    private final int n;
    private final double[] sumF;
    private final double[] sumL;
    private final double[] sumFF;
    private final double[] sumLL;
    private final double[] sumFL;
    private long count;

    BalanceMeter(int n) {
        this.n = n;
        sumF = new double[n];
        sumL = new double[n];
        sumFF = new double[n];
        sumLL = new double[n];
        sumFL = new double[n];
    }

    void add(double[] feedforward, double[] lateral) {
        for (int i = 0; i < n; i++) {
            double f = feedforward[i];
            double l = lateral[i];
            sumF[i] += f;
            sumL[i] += l;
            sumFF[i] += f * f;
            sumLL[i] += l * l;
            sumFL[i] += f * l;
        }
        count++;
    }

    /** A neuron without lateral-input variance has correlation 0: nothing cancels its feedforward input. */
    InputBalance balance() {
        double correlation = 0;
        double net = 0;
        double feedforward = 0;
        for (int i = 0; i < n; i++) {
            double mf = sumF[i] / count;
            double ml = sumL[i] / count;
            double vf = Math.max(sumFF[i] / count - mf * mf, 0.0);
            double vl = Math.max(sumLL[i] / count - ml * ml, 0.0);
            double c = sumFL[i] / count - mf * ml;
            correlation += vf > 0 && vl > 0 ? c / Math.sqrt(vf * vl) : 0.0;
            net += vf + vl + 2 * c;
            feedforward += vf;
        }
        return new InputBalance(correlation / n, feedforward > 0 ? net / feedforward : Double.NaN);
    }
}
