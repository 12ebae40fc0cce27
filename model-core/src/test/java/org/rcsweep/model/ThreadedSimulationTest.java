package org.rcsweep.model;

import org.junit.jupiter.api.Test;
import org.rcsweep.eval.PointEvaluator;
import org.rcsweep.eval.PointResult;
import org.rcsweep.eval.PointStatus;
import org.rcsweep.random.Rng;
import org.rcsweep.spec.Activation;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.CorrelationSpec;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.TheorySpec;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

/**
 * Several threads per point (simulation, Gram update, delayed-input transforms) give the states and rows of one
 * thread, bit for bit.
 */
class ThreadedSimulationTest {
    @Test
    void threadsAdvanceTheSameStatesAsOneThread() {
        int n = 301; // odd, and not a multiple of the row-pair or partial-sum sizes
        Reservoir one = ReservoirFactory.build(new EsnSpec(Activation.TANH, 0.7, 0.95, null, 1.0, 1.0, 0.2), n,
                CorrelationSpec.none(), 9);
        Reservoir two = one.withThreads(2);
        Reservoir three = one.withThreads(3);
        assertNotSame(one, two);
        Rng rng = new Rng(1);
        for (int chunk : new int[] {1, 17, 64, 3}) { // odd and even chunk lengths: the state changes buffers
            double[] u = new double[chunk];
            for (int t = 0; t < chunk; t++) {
                u[t] = 2 * rng.nextDouble() - 1;
            }
            double[] a = new double[chunk * n];
            double[] b = new double[chunk * n];
            double[] c = new double[chunk * n];
            one.advance(u, 0, chunk, a);
            two.advance(u, 0, chunk, b);
            three.advance(u, 0, chunk, c);
            assertArrayEquals(a, b, 0.0, "two threads, chunk " + chunk);
            assertArrayEquals(a, c, 0.0, "three threads, chunk " + chunk);
        }
    }

    @Test
    void capacityThreadsDoNotChangeAPointsRowsOrItsId() {
        PointSpec single = point(1);
        PointSpec dual = point(2);
        assertEquals(single.id(), dual.id(), "threads are an execution setting, not part of the point");
        PointResult a = PointEvaluator.evaluate(single);
        PointResult b = PointEvaluator.evaluate(dual);
        assertEquals(PointStatus.OK, a.status(), a.message());
        for (int i = 0; i < a.readouts().size(); i++) {
            assertEquals(Double.doubleToLongBits(a.readouts().get(i).mcTotal()),
                    Double.doubleToLongBits(b.readouts().get(i).mcTotal()), "L = " + a.readouts().get(i).readouts());
            assertEquals(Double.doubleToLongBits(a.readouts().get(i).theory().mcMeanfield()),
                    Double.doubleToLongBits(b.readouts().get(i).theory().mcMeanfield()),
                    "mean field, L = " + a.readouts().get(i).readouts());
        }
    }

    private static PointSpec point(int threads) {
        return new PointSpec("threads", 4, new EsnSpec(Activation.TANH, 1.0, 0.9, null, 1.0, 0.5, 0.0), 200,
                CorrelationSpec.none(), 0, List.of(20, 100, 200), new InputSpec(InputDistribution.UNIFORM, 3000, 200),
                CapacitySpec.defaults().withMaxDelay(150).withThreads(threads), TheorySpec.defaults(),
                IpcSpec.disabled());
    }
}
