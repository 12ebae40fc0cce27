package org.rcsweep.eval;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Theory predictions of the memory function for one readout count L; totals are Σ_k, NaN where not computed.
 *
 * @param mLinear      exact (linear reservoir) or linearised (tanh) memory from the weights
 * @param mIndependent independent-neuron prediction from measured correlations
 * @param mCorrelated  correlation-aware prediction from measured summary statistics
 * @param mMeanfield   mean-field (statistically linearised) memory from the weights
 */
public record TheoryCurves(double[] mLinear, double[] mIndependent, double[] mCorrelated, double[] mMeanfield)
        implements Serializable {

    /**
     * These curves for a readout set that carries no signal (numerical rank 0: every readout constant): both
     * predictors from readout statistics give no capacity there; the theories from the weights stay.
     */
    public TheoryCurves withoutReadoutSignal() {
        double[] zero = new double[mIndependent.length];
        return new TheoryCurves(mLinear, zero, zero.clone(), mMeanfield);
    }

    public static TheoryCurves none(int targets) {
        double[] nan = new double[targets];
        Arrays.fill(nan, Double.NaN);
        return new TheoryCurves(nan, nan.clone(), nan.clone(), nan.clone());
    }

    public double mcLinear() {
        return total(mLinear);
    }

    public double mcIndependent() {
        return total(mIndependent);
    }

    public double mcCorrelated() {
        return total(mCorrelated);
    }

    public double mcMeanfield() {
        return total(mMeanfield);
    }

    private static double total(double[] m) {
        double s = 0;
        for (double v : m) {
            s += v;
        }
        return m.length == 0 ? Double.NaN : s;
    }
}
