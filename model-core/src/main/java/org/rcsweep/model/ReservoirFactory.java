package org.rcsweep.model;

import org.rcsweep.random.SeedStreams;
import org.rcsweep.spec.Activation;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.DelayLineSpec;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.Knob;
import org.rcsweep.spec.ModelSpec;
import org.rcsweep.spec.OrthogonalSpec;
import org.rcsweep.spec.RingSpec;
import org.rcsweep.weights.HaarOrthogonal;
import org.rcsweep.weights.InputWeights;
import org.rcsweep.weights.RandomMatrices;
import org.rcsweep.weights.SpectralRadius;

/** Builds a reservoir's weights from its spec, size, correlation setting and seed: the same inputs give the same bits. */
public final class ReservoirFactory {
    private ReservoirFactory() {
    }

    public static LeakyRateReservoir build(ModelSpec model, int n, CorrelationSpec correlation, long seed) {
        if (model instanceof EsnSpec esn) {
            return esn(esn, n, correlation, seed);
        }
        if (model instanceof OrthogonalSpec orth) {
            double[] w = HaarOrthogonal.sample(n, SeedStreams.RECURRENT_WEIGHTS.rng(seed));
            RandomMatrices.scale(w, orth.rho());
            double[] wIn = inputWeights(n, orth.inputScale(), correlation, seed);
            return new LeakyRateReservoir(w, wIn, new double[n], orth.leak(), orth.activation());
        }
        if (model instanceof RingSpec ring) {
            return new LeakyRateReservoir(RandomMatrices.ring(n, ring.rho()), InputWeights.firstNeuron(n),
                    new double[n], 1.0, Activation.LINEAR);
        }
        if (model instanceof DelayLineSpec) {
            return new LeakyRateReservoir(RandomMatrices.shift(n), InputWeights.firstNeuron(n), new double[n], 1.0,
                    Activation.LINEAR);
        }
        throw new IllegalArgumentException("no reservoir for model kind " + model.kind());
    }

    private static LeakyRateReservoir esn(EsnSpec spec, int n, CorrelationSpec correlation, long seed) {
        double[] w = RandomMatrices.gaussian(n, spec.gain(), spec.density(), SeedStreams.RECURRENT_WEIGHTS.rng(seed));
        if (correlation.knob() == Knob.MEAN_COUPLING) {
            RandomMatrices.addMeanCoupling(w, n, correlation.value());
        }
        if (spec.spectralRadius() != null) {
            SpectralRadius.rescale(w, n, spec.spectralRadius());
        }
        double[] wIn = inputWeights(n, spec.inputScale(), correlation, seed);
        double[] b = new double[n];
        if (spec.biasScale() > 0) {
            var rng = SeedStreams.BIAS.rng(seed);
            for (int i = 0; i < n; i++) {
                b[i] = spec.biasScale() * rng.nextGaussian();
            }
        }
        return new LeakyRateReservoir(w, wIn, b, spec.leak(), spec.activation());
    }

    private static double[] inputWeights(int n, double scale, CorrelationSpec correlation, long seed) {
        double shared = correlation.knob() == Knob.SHARED_INPUT ? correlation.value() : 0.0;
        return InputWeights.sharedInput(n, scale, shared, SeedStreams.INPUT_WEIGHTS.rng(seed));
    }
}
