package org.rcsweep.model;

import org.rcsweep.input.InputSignal;
import org.rcsweep.random.Rng;
import org.rcsweep.spec.LearnedSpikingMemorySpec;

/**
 * The {@code learned-spiking-memory} model: the spiking version of {@link LearnedMemoryNetwork} (Vertechi, Brendel &amp;
 * Machens 2014), a spike-coding network fed its own delayed filtered spike trains, whose feedforward weights W and
 * lateral weights M are learned with the rate network's local rules and then frozen.
 *
 * <p>Each step, with λ = e^{−1/τ_r}: the feedforward input is p = [ū; γ·r(t−1)], ū ← λū + u the leaky integral of
 * the input and r(t−1) the rates of the previous step; the rates decay, r ← λr (r = a × the filtered spike trains:
 * a spike of neuron k adds a to r_k); neuron i's voltage is V_i = (W p)_i − Σ_j M_ij r_j + σξ_i, its feedforward
 * input (W p)_i, its lateral input −Σ_{j≠i} M_ij r_j and its own reset −M_ii r_i. Within a step the neuron furthest
 * above its threshold a·M_ii/2 spikes first, which takes a·M_ik from every voltage V_i (a·M_kk from its own); the
 * others are checked again, each neuron spiking at most once per step. A spike is fired exactly when it lowers
 * ½rᵀMr − rᵀWp, so the rates track the non-negative minimiser of that quadratic (Mancoo, Keemink &amp; Machens 2020),
 * the spiking counterpart of the rate network's equilibrium r = M⁻¹W z; with W = Dᵀ and M = DᵀD it is the
 * spike-coding network of decoder D (Boerlin, Machens &amp; Denève 2013).
 *
 * <p>Learning, after each step's spikes, with the rate network's rules on the filtered spike trains (each synapse
 * sees only its pre- and postsynaptic trace): W ← W + η(r pᵀ − W) (Hebbian), M ← M + (η/τ_M)(r rᵀ − M)
 * (anti-Hebbian lateral inhibition between co-active neurons; M_ii sets the neuron's own threshold and reset).
 * With at most one spike per neuron and step the rates stay below a/(1 − λ), so the weights (running averages of
 * products of rates and inputs) stay finite: learning cannot diverge.
 */
public final class LearnedSpikingMemoryReservoir implements SpikingReservoir, LearnedReservoir {
    private final int n;
    private final int inputs;
    private final double feedback;
    private final double scale;
    private final double leak;
    private final double noise;
    private final Rng noiseRng;
    /** W, row-major N × (N+1). */
    private final double[] w;
    /** M, row-major N × N, symmetric. */
    private final double[] m;
    private final double[] p;
    private final double[] r;
    private final double[] v;
    private final double[] feedforward;
    private final double[] lateral;
    private final boolean[] fired;
    private final SpikeTrains trains;
    private final LearningRecord learning;

    private LearnedSpikingMemoryReservoir(int n, LearnedSpikingMemorySpec spec, double[] w, double[] m,
                                          Rng noiseRng, LearningRecord learning) {
        this.n = n;
        this.inputs = n + 1;
        this.feedback = spec.feedback();
        this.scale = spec.decoderScale();
        this.leak = StrictMath.exp(-1.0 / spec.readoutTau());
        this.noise = spec.noise();
        this.noiseRng = noiseRng;
        this.w = w;
        this.m = m;
        this.p = new double[inputs];
        this.r = new double[n];
        this.v = new double[n];
        this.feedforward = new double[n];
        this.lateral = new double[n];
        this.fired = new boolean[n];
        this.trains = new SpikeTrains(n, spec.readoutTau());
        this.learning = learning;
    }

    /**
     * Draws W ~ N(0, init_scale²/(N+1)) with M = I, learns for the spec's steps on {@code input}, then returns the
     * network with frozen weights, at rest.
     */
    static LearnedSpikingMemoryReservoir learnAndFreeze(LearnedSpikingMemorySpec spec, int n, InputSignal input,
                                                        Rng weights, Rng noiseRng) {
        int inputs = n + 1;
        double[] w = new double[n * inputs];
        double sd = spec.initScale() / Math.sqrt(inputs);
        for (int i = 0; i < w.length; i++) {
            w[i] = sd * weights.nextGaussian();
        }
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = 1.0;
        }
        int steps = spec.learningSteps();
        LearningRecord record = new LearningRecord(0, null, null);
        if (steps > 0) {
            LearnedSpikingMemoryReservoir learner = new LearnedSpikingMemoryReservoir(n, spec, w, m, noiseRng, null);
            int window = LearningRecord.window(steps);
            BalanceMeter first = new BalanceMeter(n);
            BalanceMeter last = new BalanceMeter(n);
            double rate = spec.learningRate();
            double lateralRate = rate / spec.lateralTimescale();
            for (int t = 0; t < steps; t++) {
                learner.step(input.next(), false);
                if (t < window) {
                    first.add(learner.feedforward, learner.lateral);
                } else if (t >= steps - window) {
                    last.add(learner.feedforward, learner.lateral);
                }
                learner.learn(rate, lateralRate);
            }
            record = new LearningRecord(steps, first.balance(), last.balance());
        }
        return new LearnedSpikingMemoryReservoir(n, spec, w, m, noiseRng, record);
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public void advance(double[] u, int from, int steps, double[] states) {
        for (int s = 0; s < steps; s++) {
            step(u[from + s], true);
            trains.endStep(states, s * n);
        }
    }

    /** One step: input, decay, voltages, spikes (counted in the spike trains when {@code measured}). */
    private void step(double u, boolean measured) {
        p[0] = leak * p[0] + u;
        for (int j = 0; j < n; j++) {
            p[j + 1] = feedback * r[j];
            r[j] = leak * r[j];
        }
        for (int i = 0; i < n; i++) {
            int o = i * inputs;
            double s = 0;
            for (int d = 0; d < inputs; d++) {
                s += w[o + d] * p[d];
            }
            int oi = i * n;
            double all = 0;
            for (int j = 0; j < n; j++) {
                all += m[oi + j] * r[j];
            }
            double self = m[oi + i] * r[i];
            feedforward[i] = s;
            lateral[i] = self - all;
            v[i] = s - all + noise * noiseRng.nextGaussian();
            fired[i] = false;
        }
        while (true) {
            int k = -1;
            double margin = 0;
            for (int i = 0; i < n; i++) {
                double above = v[i] - scale * m[i * n + i] / 2;
                if (!fired[i] && above > margin) {
                    margin = above;
                    k = i;
                }
            }
            if (k < 0) {
                break;
            }
            fired[k] = true;
            if (measured) {
                trains.spike(k);
            }
            r[k] += scale;
            int o = k * n;
            for (int i = 0; i < n; i++) {
                double kick = scale * m[o + i];
                v[i] -= kick;
                if (i != k) {
                    lateral[i] -= kick;
                }
            }
        }
    }

    /**
     * W ← (1 − η)W + η r pᵀ, M ← (1 − η_M)M + η_M r rᵀ with this step's rates and inputs; M is updated on and above
     * the diagonal and mirrored, so it stays exactly symmetric.
     */
    private void learn(double rate, double lateralRate) {
        double keep = 1.0 - rate;
        for (int i = 0; i < n; i++) {
            int o = i * inputs;
            double ri = rate * r[i];
            for (int d = 0; d < inputs; d++) {
                w[o + d] = keep * w[o + d] + ri * p[d];
            }
        }
        double keepM = 1.0 - lateralRate;
        for (int i = 0; i < n; i++) {
            int o = i * n;
            double ri = r[i];
            for (int j = i; j < n; j++) {
                double updated = keepM * m[o + j] + lateralRate * (ri * r[j]);
                m[o + j] = updated;
                m[j * n + i] = updated;
            }
        }
    }

    /** A copy of W (row-major N × (N+1); column 0 the input's weights). */
    public double[] feedforwardWeights() {
        return w.clone();
    }

    /** A copy of M (row-major N × N). */
    public double[] lateralWeights() {
        return m.clone();
    }

    @Override
    public LearningRecord learning() {
        return learning;
    }

    @Override
    public void resetStatistics() {
        trains.reset();
    }

    @Override
    public SpikeStatistics statistics() {
        return trains.statistics();
    }
}
