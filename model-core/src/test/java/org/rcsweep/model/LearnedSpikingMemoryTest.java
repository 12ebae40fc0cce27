package org.rcsweep.model;

import org.junit.jupiter.api.Test;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.eval.PointStatus;
import org.rcsweep.random.Rng;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.Estimator;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.LearnedSpikingMemorySpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.SpecException;
import org.rcsweep.spec.TheorySpec;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spiking network that learns its weights with local rules (learned-spiking-memory): its balance, its memory
 * before and after learning, its efficiency and its determinism. N = 60, 2·10⁴ learning steps, T = 4000.
 */
class LearnedSpikingMemoryTest {
    private static final int N = 60;

    /** The documented defaults, with {@code init_scale} and {@code learning_steps} chosen by the test. */
    private static LearnedSpikingMemorySpec spec(double initScale, int steps) {
        return new LearnedSpikingMemorySpec(0.9, 0.001, initScale, steps, 0.01, 1.0, 0.3, 1.0);
    }

    @Test
    void lateralInputComesToCancelTheFeedforwardInput() {
        LearnedSpikingMemoryReservoir r = (LearnedSpikingMemoryReservoir) ReservoirFactory.build(spec(0.5, 20_000), N,
                CorrelationSpec.none(), 11);
        LearningRecord record = r.learning();
        assertEquals(20_000, record.steps());
        // M = I at the start: no lateral input, correlation 0 and residual 1 until the lateral weights grow. Measured
        // over the first 200 steps: correlation −0.04, residual 0.99; over the last 200: −0.90 and 0.25 (seeds 12
        // and 13: −0.90 and −0.91, 0.24 and 0.23). Stated margin: the correlation falls by at least 0.6 and the
        // residual by at least 0.5, and the end state is balanced (correlation below −0.85, residual below 0.35).
        InputBalance first = record.first();
        InputBalance last = record.last();
        assertTrue(first.correlation() > -0.3 && first.residual() > 0.8, "first " + first);
        assertTrue(last.correlation() < -0.85 && last.residual() < 0.35, "last " + last);
        assertTrue(first.correlation() - last.correlation() >= 0.6, first + " → " + last);
        assertTrue(first.residual() - last.residual() >= 0.5, first + " → " + last);
        LearnedSpikingMemoryReservoir untrained = (LearnedSpikingMemoryReservoir) ReservoirFactory.build(spec(0.5, 0),
                N, CorrelationSpec.none(), 11);
        assertEquals(new LearningRecord(0, null, null), untrained.learning());
        double[] m = untrained.lateralWeights();
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                assertEquals(i == j ? 1.0 : 0.0, m[i * N + j], "M = I before learning");
            }
        }
    }

    @Test
    void memoryAfterLearningClearlyExceedsMemoryBefore() {
        List<Integer> ls = List.of(5, 20, N);
        PointResult before = PointEvaluator.evaluate(point(spec(0.5, 0), ls));
        PointResult after = PointEvaluator.evaluate(point(spec(0.5, 20_000), ls));
        assertEquals(PointStatus.OK, before.status(), before.message());
        assertEquals(PointStatus.OK, after.status(), after.message());
        assertNull(before.learning().first(), "no balance without learning");
        assertTrue(after.learning().last().correlation() < -0.85, "balance reported with the point");
        assertTrue(after.spikes().firingRate() > 0.05, "the learned network fires: " + after.spikes());
        // Measured (held-out, T = 4000, four sweep seeds 5…8): before 0.2–0.7 at L = 60 (weak initial weights,
        // init_scale 0.5, drive the neurons below threshold: 0–0.5% of neurons fire per step), after 3.16–3.45;
        // at L = 20 before 0.15–0.40, after 2.69–2.84. Margin 1.5: the smallest measured gap is 2.4, and the
        // held-out estimate at T = 4000 varies by about ±0.2 between seeds, so the margin holds with room to spare
        // while a learning phase that changed nothing (gap 0) fails it.
        for (int i = 1; i < ls.size(); i++) {
            double b = before.readouts().get(i).mcTotal();
            double a = after.readouts().get(i).mcTotal();
            assertTrue(a >= b + 1.5, "L = " + ls.get(i) + ": before " + b + ", after " + a);
        }
    }

    @Test
    void learningReachesTheMemoryOfAStronglyDrivenRandomNetworkWithHalfTheSpikes() {
        // A random initial network with strong weights (init_scale 2) fires a lot and already has some memory:
        // measured MC(60) 2.80 at 0.344 spikes per neuron and step; after learning 3.15 at 0.168 (seed 6 of the
        // sweep: 2.52 at 0.403 → 2.97 at 0.170). Learning keeps (here: raises) the memory and halves the spikes.
        List<Integer> ls = List.of(N);
        PointResult before = PointEvaluator.evaluate(point(spec(2.0, 0), ls));
        PointResult after = PointEvaluator.evaluate(point(spec(2.0, 20_000), ls));
        double b = before.readouts().get(0).mcTotal();
        double a = after.readouts().get(0).mcTotal();
        assertTrue(a > b, "MC before " + b + ", after " + a);
        assertTrue(after.spikes().firingRate() < 0.6 * before.spikes().firingRate(),
                "rate before " + before.spikes() + ", after " + after.spikes());
    }

    @Test
    void sameSeedSameBitsAndOtherSeedOtherBits() {
        LearnedSpikingMemorySpec s = spec(0.5, 3_000);
        LearnedSpikingMemoryReservoir a = (LearnedSpikingMemoryReservoir) ReservoirFactory.build(s, 30,
                CorrelationSpec.none(), 3);
        LearnedSpikingMemoryReservoir again = (LearnedSpikingMemoryReservoir) ReservoirFactory.build(s, 30,
                CorrelationSpec.none(), 3);
        LearnedSpikingMemoryReservoir other = (LearnedSpikingMemoryReservoir) ReservoirFactory.build(s, 30,
                CorrelationSpec.none(), 4);
        assertArrayEquals(a.feedforwardWeights(), again.feedforwardWeights());
        assertArrayEquals(a.lateralWeights(), again.lateralWeights());
        assertEquals(a.learning(), again.learning());
        assertFalse(java.util.Arrays.equals(a.feedforwardWeights(), other.feedforwardWeights()));
        double[] u = new double[2_000];
        Rng rng = new Rng(1);
        for (int t = 0; t < u.length; t++) {
            u[t] = 2 * rng.nextDouble() - 1;
        }
        double[] states = new double[u.length * 30];
        double[] statesAgain = new double[u.length * 30];
        a.advance(u, 0, u.length, states);
        // The same run in uneven chunks gives the same bits.
        again.advance(u, 0, 700, statesAgain);
        double[] rest = new double[(u.length - 700) * 30];
        again.advance(u, 700, u.length - 700, rest);
        System.arraycopy(rest, 0, statesAgain, 700 * 30, rest.length);
        assertArrayEquals(states, statesAgain);
        assertEquals(a.statistics(), again.statistics());
        assertTrue(a.statistics().firingRate() > 0, "the network spikes: " + a.statistics());
    }

    @Test
    void lateralRateAboveOneIsRejectedNamingTheField() {
        SpecException e = assertThrows(SpecException.class,
                () -> new LearnedSpikingMemorySpec(0.9, 0.001, 0.5, 10, 0.2, 0.1, 0.3, 1.0));
        assertEquals("lateral_timescale", e.field());
        assertEquals("decoder_scale", assertThrows(SpecException.class,
                () -> new LearnedSpikingMemorySpec(0.9, 0.001, 0.5, 10, 0.01, 1.0, 0.0, 1.0)).field());
    }

    private static PointSpec point(LearnedSpikingMemorySpec model, List<Integer> readouts) {
        return new PointSpec("test", 5, model, N, CorrelationSpec.none(), 0, readouts,
                new InputSpec(InputDistribution.UNIFORM, 4_000, 500),
                CapacitySpec.defaults().withEstimator(Estimator.HOLDOUT).withMaxDelay(2 * N), new TheorySpec(false, false),
                IpcSpec.disabled());
    }
}
