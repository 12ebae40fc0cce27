package org.rcsweep.model;

import org.rcsweep.input.InputSignal;
import org.rcsweep.random.Rng;
import org.rcsweep.random.SeedStreams;
import org.rcsweep.spec.Activation;
import org.rcsweep.spec.CfcSpec;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.CustomSpec;
import org.rcsweep.spec.DelayLineSpec;
import org.rcsweep.spec.DiagonalSsmSpec;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.Knob;
import org.rcsweep.spec.LearnedMemorySpec;
import org.rcsweep.spec.LearnedSpikingMemorySpec;
import org.rcsweep.spec.LiGruSpec;
import org.rcsweep.spec.LifSpec;
import org.rcsweep.spec.SpikeCodingSpec;
import org.rcsweep.spec.LowRankSparseSpec;
import org.rcsweep.spec.ModelSpec;
import org.rcsweep.spec.OrthogonalSpec;
import org.rcsweep.spec.RingSpec;
import org.rcsweep.weights.HaarOrthogonal;
import org.rcsweep.weights.InputWeights;
import org.rcsweep.weights.LowRankSparse;
import org.rcsweep.weights.RandomMatrices;
import org.rcsweep.weights.SpectralRadius;

/** Builds a reservoir's weights from its spec, size, correlation setting and seed: the same inputs give the same bits. */
public final class ReservoirFactory {
    private ReservoirFactory() {
    }

    /** As {@link #build(ModelSpec, int, CorrelationSpec, InputDistribution, long)} for uniform input. */
    public static Reservoir build(ModelSpec model, int n, CorrelationSpec correlation, long seed) {
        return build(model, n, correlation, InputDistribution.UNIFORM, seed);
    }

    /**
     * @param inputLaw the law of the driving input; a model with a learning phase learns on its own seeded stream of
     *              this law, so it learns the statistics it is measured with
     */
    public static Reservoir build(ModelSpec model, int n, CorrelationSpec correlation, InputDistribution inputLaw,
                                  long seed) {
        if (model instanceof LearnedMemorySpec learned) {
            return LearnedMemoryNetwork.learnAndFreeze(learned, n,
                    new InputSignal(inputLaw, SeedStreams.LEARNING_INPUT.rng(seed)),
                    SeedStreams.RECURRENT_WEIGHTS.rng(seed), SeedStreams.MODEL_EXTRA.rng(seed));
        }
        if (model instanceof LearnedSpikingMemorySpec learned) {
            return LearnedSpikingMemoryReservoir.learnAndFreeze(learned, n,
                    new InputSignal(inputLaw, SeedStreams.LEARNING_INPUT.rng(seed)),
                    SeedStreams.RECURRENT_WEIGHTS.rng(seed), SeedStreams.MODEL_EXTRA.rng(seed));
        }
        if (model instanceof EsnSpec esn) {
            return esn(esn, n, correlation, seed);
        }
        if (model instanceof OrthogonalSpec orth) {
            double[] w = HaarOrthogonal.sample(n, SeedStreams.RECURRENT_WEIGHTS.rng(seed));
            RandomMatrices.scale(w, orth.rho());
            double[] wIn = inputWeights(n, orth.inputScale(), correlation, SeedStreams.INPUT_WEIGHTS.rng(seed));
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
        if (model instanceof LowRankSparseSpec lr) {
            double[] w = LowRankSparse.sample(n, rank(lr.rank(), correlation), lr.sparsity(), lr.gain(),
                    SeedStreams.RECURRENT_WEIGHTS.rng(seed));
            if (correlation.knob() == Knob.MEAN_COUPLING) {
                RandomMatrices.addMeanCoupling(w, n, correlation.value());
            }
            if (lr.spectralRadius() != null) {
                SpectralRadius.rescale(w, n, lr.spectralRadius());
            }
            double[] wIn = inputWeights(n, lr.inputScale(), correlation, SeedStreams.INPUT_WEIGHTS.rng(seed));
            return new LeakyRateReservoir(w, wIn, new double[n], lr.leak(), lr.activation());
        }
        if (model instanceof CfcSpec cfc) {
            Rng recurrent = SeedStreams.RECURRENT_WEIGHTS.rng(seed);
            int r = rank(cfc.rank(), correlation);
            double[] wf = LowRankSparse.sample(n, r, cfc.sparsity(), cfc.gain(), recurrent);
            double[] wg = LowRankSparse.sample(n, r, cfc.sparsity(), cfc.gain(), recurrent);
            double[] wh = LowRankSparse.sample(n, r, cfc.sparsity(), cfc.gain(), recurrent);
            Rng input = SeedStreams.INPUT_WEIGHTS.rng(seed);
            double[] inF = InputWeights.gaussian(n, cfc.inputScale(), input);
            double[] inG = inputWeights(n, cfc.inputScale(), correlation, input);
            double[] inH = inputWeights(n, cfc.inputScale(), correlation, input);
            return new CfcReservoir(wf, wg, wh, inF, inG, inH, cfc.gateBias(), cfc.dt());
        }
        if (model instanceof DiagonalSsmSpec ssm) {
            return diagonalSsm(ssm, n, correlation, seed);
        }
        if (model instanceof LiGruSpec gru) {
            Rng recurrent = SeedStreams.RECURRENT_WEIGHTS.rng(seed);
            double[] uz = RandomMatrices.gaussian(n, gru.gain(), 1.0, recurrent);
            double[] uh = RandomMatrices.gaussian(n, gru.gain(), 1.0, recurrent);
            if (correlation.knob() == Knob.MEAN_COUPLING) {
                RandomMatrices.addMeanCoupling(uh, n, correlation.value());
            }
            Rng input = SeedStreams.INPUT_WEIGHTS.rng(seed);
            double[] wz = InputWeights.gaussian(n, gru.inputScale(), input);
            double[] wh = inputWeights(n, gru.inputScale(), correlation, input);
            return new LiGruReservoir(uz, uh, wz, wh, gru.stabilised());
        }
        if (model instanceof LifSpec lif) {
            Rng recurrent = SeedStreams.RECURRENT_WEIGHTS.rng(seed);
            double[] w = lif.dale() ? RandomMatrices.dale(n, lif.gain(), lif.density(), recurrent)
                    : RandomMatrices.gaussian(n, lif.gain(), lif.density(), recurrent);
            if (correlation.knob() == Knob.MEAN_COUPLING) {
                RandomMatrices.addMeanCoupling(w, n, correlation.value());
            }
            double[] wIn = inputWeights(n, lif.inputScale(), correlation, SeedStreams.INPUT_WEIGHTS.rng(seed));
            return new LifReservoir(w, wIn, lif.beta(), lif.readoutTau());
        }
        if (model instanceof SpikeCodingSpec scn) {
            return spikeCoding(scn, n, seed);
        }
        if (model instanceof CustomSpec custom) {
            return new LeakyRateReservoir(custom.recurrent(), custom.input(), new double[n], custom.leak(),
                    custom.activation());
        }
        throw new IllegalArgumentException("no reservoir for model kind " + model.kind());
    }

    private static Reservoir esn(EsnSpec spec, int n, CorrelationSpec correlation, long seed) {
        double[] w = RandomMatrices.gaussian(n, spec.gain(), spec.density(), SeedStreams.RECURRENT_WEIGHTS.rng(seed));
        if (correlation.knob() == Knob.MEAN_COUPLING) {
            RandomMatrices.addMeanCoupling(w, n, correlation.value());
        }
        if (spec.spectralRadius() != null) {
            SpectralRadius.rescale(w, n, spec.spectralRadius());
        }
        double[] wIn = inputWeights(n, spec.inputScale(), correlation, SeedStreams.INPUT_WEIGHTS.rng(seed));
        double[] b = new double[n];
        if (spec.biasScale() > 0) {
            Rng rng = SeedStreams.BIAS.rng(seed);
            for (int i = 0; i < n; i++) {
                b[i] = spec.biasScale() * rng.nextGaussian();
            }
        }
        return new LeakyRateReservoir(w, wIn, b, spec.leak(), spec.activation());
    }

    /**
     * Moduli from weights drawn uniformly between the weights of min and max modulus under the reparameterisation,
     * so each map sets its own density of eigenvalues near the stability boundary; phases uniform in (0, π).
     */
    private static Reservoir diagonalSsm(DiagonalSsmSpec spec, int n, CorrelationSpec correlation, long seed) {
        Rng rng = SeedStreams.RECURRENT_WEIGHTS.rng(seed);
        int blocks = (n + 1) / 2;
        double wLo = inverse(spec, spec.minModulus());
        double wHi = inverse(spec, spec.maxModulus());
        double[] modulus = new double[blocks];
        double[] phase = new double[blocks];
        for (int k = 0; k < blocks; k++) {
            modulus[k] = spec.reparameterization().modulus(wLo + (wHi - wLo) * rng.nextDouble());
            phase[k] = Math.PI * rng.nextDouble();
        }
        double[] b = inputWeights(n, spec.inputScale(), correlation, SeedStreams.INPUT_WEIGHTS.rng(seed));
        return new DiagonalSsmReservoir(modulus, phase, b, spec.readoutNonlinearity());
    }

    private static double inverse(DiagonalSsmSpec spec, double m) {
        return switch (spec.reparameterization()) {
            case NONE -> m;
            case EXP -> StrictMath.log(-StrictMath.log(m));
            case SOFTPLUS -> StrictMath.log(1.0 / m - 1.0);
            case BEST -> Math.sqrt(m / (1.0 - m));
        };
    }

    /** Decoder columns of norm decoder_scale in uniformly random directions; c a random direction of norm input_scale. */
    private static Reservoir spikeCoding(SpikeCodingSpec spec, int n, long seed) {
        int dims = spec.dimensions();
        Rng rng = SeedStreams.RECURRENT_WEIGHTS.rng(seed);
        double[] decoder = new double[dims * n];
        for (int i = 0; i < n; i++) {
            double[] direction = randomDirection(dims, rng);
            for (int d = 0; d < dims; d++) {
                decoder[d * n + i] = spec.decoderScale() * direction[d];
            }
        }
        double[] c = randomDirection(dims, SeedStreams.INPUT_WEIGHTS.rng(seed));
        for (int d = 0; d < dims; d++) {
            c[d] *= spec.inputScale();
        }
        return new SpikeCodingReservoir(decoder, dims, c, spec.leak(), spec.noise(), spec.readoutTau(),
                SeedStreams.MODEL_EXTRA.rng(seed));
    }

    private static double[] randomDirection(int dims, Rng rng) {
        double[] v = new double[dims];
        double norm = 0;
        while (norm == 0) {
            for (int d = 0; d < dims; d++) {
                v[d] = rng.nextGaussian();
            }
            norm = 0;
            for (double x : v) {
                norm += x * x;
            }
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < dims; d++) {
            v[d] /= norm;
        }
        return v;
    }

    private static int rank(int specRank, CorrelationSpec correlation) {
        return correlation.knob() == Knob.RANK ? (int) correlation.value() : specRank;
    }

    private static double[] inputWeights(int n, double scale, CorrelationSpec correlation, Rng rng) {
        double shared = correlation.knob() == Knob.SHARED_INPUT ? correlation.value() : 0.0;
        return InputWeights.sharedInput(n, scale, shared, rng);
    }
}
