package org.rcsweep.model;

import org.junit.jupiter.api.Test;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.eval.PointStatus;
import org.rcsweep.random.Rng;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.LifSpec;
import org.rcsweep.spec.ModelSpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.SpikeCodingSpec;
import org.rcsweep.spec.TheorySpec;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Defining properties of the spiking reservoirs. */
class SpikingModelsTest {
    private static double[] uniformInput(int steps, long seed) {
        Rng rng = new Rng(seed);
        double[] u = new double[steps];
        for (int t = 0; t < steps; t++) {
            u[t] = 2 * rng.nextDouble() - 1;
        }
        return u;
    }

    @Test
    void lifFiringRateRisesWithInputScale() {
        double[] u = uniformInput(4000, 1);
        double previous = 0;
        for (double scale : new double[] {0.25, 0.5, 1, 2, 4, 8}) {
            Reservoir r = ReservoirFactory.build(new LifSpec(0.9, 0.5, 0.2, true, scale, 5.0), 100,
                    CorrelationSpec.none(), 7);
            r.advance(u, 0, u.length, new double[u.length * 100]);
            double rate = ((SpikingReservoir) r).statistics().firingRate();
            assertTrue(rate > previous, "rate " + rate + " at scale " + scale + " not above " + previous);
            previous = rate;
        }
    }

    @Test
    void lifNeuronsWithoutRecurrenceAreIndependentGivenTheInput() {
        int n = 12;
        double[] u = uniformInput(3000, 2);
        Rng rng = new Rng(3);
        double[] wIn = new double[n];
        for (int i = 0; i < n; i++) {
            wIn[i] = 2 * rng.nextGaussian();
        }
        double[] noRecurrence = new double[n * n];
        double[] recurrent = new double[n * n];
        for (int i = 0; i < recurrent.length; i++) {
            recurrent[i] = 0.5 * rng.nextGaussian();
        }
        double[] isolatedNetwork = run(new LifReservoir(noRecurrence, wIn, 0.9, 5.0), u, n);
        double[] coupledNetwork = run(new LifReservoir(recurrent, wIn, 0.9, 5.0), u, n);
        boolean coupledDiffers = false;
        for (int i = 0; i < n; i++) {
            double[] alone = run(new LifReservoir(new double[1], new double[] {wIn[i]}, 0.9, 5.0), u, 1);
            double[] inNetwork = column(isolatedNetwork, i, n);
            assertArrayEquals(alone, inNetwork, 0.0, "neuron " + i + " depends on the others without W_rec");
            coupledDiffers |= !java.util.Arrays.equals(alone, column(coupledNetwork, i, n));
        }
        assertTrue(coupledDiffers, "with W_rec ≠ 0 some neuron must depend on the others (the test can fail)");
    }

    @Test
    void spikeCodingErrorStaysWithinTheDecoderBoundAndFiringIsSparseAndIrregular() {
        int n = 60;
        SpikeCodingSpec spec = new SpikeCodingSpec(2, 0.1, 0.95, 0.0005, 0.1, 20.0);
        SpikeCodingReservoir r = (SpikeCodingReservoir) ReservoirFactory.build(spec, n, CorrelationSpec.none(), 11);
        double[] u = uniformInput(20_000, 4);
        double[] state = new double[n];
        double worst = 0;
        for (int t = 0; t < u.length; t++) {
            r.advance(u, t, 1, state);
            double[] e = r.codingError();
            double norm = Math.hypot(e[0], e[1]);
            if (t > 200) {
                worst = Math.max(worst, norm);
            }
            if (t == 200) {
                r.resetStatistics();
            }
        }
        // After each step no neuron is above threshold: D_iᵀe ≤ ‖D_i‖²/2 + σ|ξ_i|. With 60 directions around the circle
        // that confines e to a polygon of inradius ‖D‖/2 (+ noise); ‖D‖ leaves room for the largest angular gap
        // (measured worst case 0.055 for ‖D‖ = 0.1).
        assertTrue(worst <= r.maxDecoderNorm(), "coding error " + worst + " above ‖D‖ = " + r.maxDecoderNorm());
        SpikeStatistics stats = r.statistics();
        assertTrue(stats.firingRate() > 0 && stats.firingRate() < 0.05, "not sparse: " + stats);
        // Measured: rate 0.023 spikes per neuron and step, CV 1.00 (Poisson-like).
        assertTrue(stats.isiCv() > 0.7 && stats.isiCv() < 1.3, "not irregular: " + stats);
    }

    @Test
    void spikeCodingMemoryIsCappedByTheOneSignalAllNeuronsShare() {
        PointResult result = PointEvaluator.evaluate(point(new SpikeCodingSpec(2, 0.1, 0.95, 0.0005, 0.1, 20.0), 200,
                List.of(5, 10, 20, 40, 60, 100, 150, 200)));
        assertEquals(PointStatus.OK, result.status(), result.message());
        double[] mc = result.readouts().stream().mapToDouble(r -> r.mcTotal()).toArray();
        assertFalse(result.spikes() == null);
        // Every neuron encodes the same scalar leaky integral X(t) = Σ_j λ^j u(t−j) (the input enters both signal
        // dimensions along one direction c), low-pass filtered with the decoder's own time constant. A readout of X
        // itself has memory Σ_k λ^{2k}(1−λ²) < 1; held-out readouts of the neurons' noisy, shared code stay below it
        // at every L, however many neurons are read (L = 200 here, where an ESN of that size has MC ≫ 1).
        for (int i = 0; i < mc.length; i++) {
            assertTrue(mc[i] >= 0 && mc[i] < 1.0, "MC(" + result.readouts().get(i).readouts() + ") = " + mc[i]);
        }
        assertTrue(mc[mc.length - 1] > mc[0], "reading more of the shared code must help: " + java.util.Arrays.toString(mc));
    }

    private static PointSpec point(ModelSpec model, int n, List<Integer> readouts) {
        return new PointSpec("test", 5, model, n, CorrelationSpec.none(), 0, readouts,
                new InputSpec(InputDistribution.UNIFORM, 8000, 500), CapacitySpec.defaults().withMaxDelay(60),
                TheorySpec.defaults(), IpcSpec.disabled());
    }

    private static double[] run(Reservoir r, double[] u, int n) {
        double[] states = new double[u.length * n];
        r.advance(u, 0, u.length, states);
        return states;
    }

    private static double[] column(double[] states, int i, int n) {
        double[] c = new double[states.length / n];
        for (int t = 0; t < c.length; t++) {
            c[t] = states[t * n + i];
        }
        return c;
    }
}
