package org.rcsweep.model;

import org.rcsweep.input.InputSignal;
import org.rcsweep.random.Rng;
import org.rcsweep.spec.LearnedMemorySpec;

/**
 * The learning phase of the {@code learned-memory} model: a linear rate network whose feedforward input is
 * z(t) = [u(t); γ·r(t−1)], the signal and the network's own delayed rates (Vertechi, Brendel &amp; Machens 2014).
 *
 * <p>Within a step the rates settle to the equilibrium of the fast dynamics dr/ds = W z − M r, r = M⁻¹W z, and
 * private noise σξ is added. Neuron i's voltage is its feedforward input (W z)_i plus its lateral input
 * −Σ_{j≠i} M_ij r_j. Both weight sets then learn with local rules (the Hebbian/anti-Hebbian similarity-matching
 * rules of Pehlevan, Hu &amp; Chklovskii 2015): W ← W + η(r zᵀ − W) uses only the pre- and postsynaptic activity of each
 * synapse, and M ← M + (η/τ_M)(r rᵀ − M) strengthens lateral inhibition between co-active neurons until the
 * lateral input cancels the predictable part of the feedforward input. M stays symmetric positive definite, so it
 * is kept as a Cholesky factor updated in O(N²) per step.
 */
final class LearnedMemoryNetwork {
    private final int n;
    private final int inputs;
    private final double feedback;
    private final double noise;
    private final Rng noiseRng;
    private final double[] w;
    private final CholeskyFactor lateral;
    private final double[] z;
    private final double[] rates;
    private final double[] feedforward;
    private final double[] lateralInput;
    private int step;

    LearnedMemoryNetwork(int n, double feedback, double noise, double initScale, Rng weights, Rng noiseRng) {
        this.n = n;
        this.inputs = n + 1;
        this.feedback = feedback;
        this.noise = noise;
        this.noiseRng = noiseRng;
        this.w = new double[n * inputs];
        double sd = initScale / Math.sqrt(inputs);
        for (int i = 0; i < w.length; i++) {
            w[i] = sd * weights.nextGaussian();
        }
        this.lateral = new CholeskyFactor(n);
        this.z = new double[inputs];
        this.rates = new double[n];
        this.feedforward = new double[n];
        this.lateralInput = new double[n];
    }

    /** Learns for the spec's steps on {@code input}, then freezes the weights into a reservoir. */
    static LearnedMemoryReservoir learnAndFreeze(LearnedMemorySpec spec, int n, InputSignal input, Rng weights,
                                                 Rng noiseRng) {
        LearnedMemoryNetwork net = new LearnedMemoryNetwork(n, spec.feedback(), spec.noise(), spec.initScale(),
                weights, noiseRng);
        int steps = spec.learningSteps();
        int window = LearningRecord.window(steps);
        BalanceMeter first = new BalanceMeter(n);
        BalanceMeter last = new BalanceMeter(n);
        double rate = spec.learningRate();
        double lateralRate = rate / spec.lateralTimescale();
        for (int t = 0; t < steps; t++) {
            BalanceMeter meter = t < window ? first : t >= steps - window ? last : null;
            net.learn(input.next(), rate, lateralRate, meter);
        }
        LearningRecord record = steps == 0 ? new LearningRecord(0, null, null)
                : new LearningRecord(steps, first.balance(), last.balance());
        return net.freeze(record, noiseRng);
    }

    /** One step: settle, measure the balance (when a meter is given), add noise, learn. */
    void learn(double u, double rate, double lateralRate, BalanceMeter meter) {
        z[0] = u;
        for (int j = 0; j < n; j++) {
            z[j + 1] = feedback * rates[j];
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            int o = i * inputs;
            for (int j = 0; j < inputs; j++) {
                s += w[o + j] * z[j];
            }
            feedforward[i] = s;
            rates[i] = s;
        }
        lateral.solveInPlace(rates);
        if (meter != null) {
            // At equilibrium M r = W z, so the lateral input −Σ_{j≠i} M_ij r_j is M_ii r_i − (W z)_i.
            for (int i = 0; i < n; i++) {
                lateralInput[i] = lateral.diagonal(i) * rates[i] - feedforward[i];
            }
            meter.add(feedforward, lateralInput);
        }
        for (int i = 0; i < n; i++) {
            rates[i] += noise * noiseRng.nextGaussian();
            if (!(Math.abs(rates[i]) <= 1e8)) {
                throw new UnstableLearningException("learning diverged: rate of neuron " + i + " reached "
                        + rates[i] + " at learning step " + step
                        + " (lateral_timescale = 1 was stable in every measured case; see docs/models.md)");
            }
        }
        double keep = 1.0 - rate;
        for (int i = 0; i < n; i++) {
            int o = i * inputs;
            double ri = rate * rates[i];
            for (int j = 0; j < inputs; j++) {
                w[o + j] = keep * w[o + j] + ri * z[j];
            }
        }
        lateral.scaleAndUpdate(1.0 - lateralRate, lateralRate, rates);
        step++;
    }

    /**
     * The network with frozen weights as a linear reservoir: r(t) = M⁻¹W [u(t); γ r(t−1)] + σξ(t), i.e.
     * A = γ·(M⁻¹W)_{:,1..N} and C = (M⁻¹W)_{:,0}, each column by two triangular solves (no explicit inverse).
     * The measured run starts from rest; its washout forgets the state.
     */
    LearnedMemoryReservoir freeze(LearningRecord record, Rng measurementNoise) {
        double[] a = new double[n * n];
        double[] c = new double[n];
        double[] column = new double[n];
        for (int j = 0; j < inputs; j++) {
            for (int i = 0; i < n; i++) {
                column[i] = w[i * inputs + j];
            }
            lateral.solveInPlace(column);
            for (int i = 0; i < n; i++) {
                if (j == 0) {
                    c[i] = column[i];
                } else {
                    a[i * n + j - 1] = feedback * column[i];
                }
            }
        }
        return new LearnedMemoryReservoir(a, c, noise, measurementNoise, record);
    }
}
