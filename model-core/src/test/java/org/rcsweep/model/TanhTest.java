package org.rcsweep.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TanhTest {
    private static double[] inputs() {
        Random rnd = new Random(17);
        double[] x = new double[40_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (i % 4) {
                case 0 -> rnd.nextGaussian();
                case 1 -> (rnd.nextDouble() * 2 - 1) * Tanh.SMALL * 1.5; // around the branch point
                case 2 -> (rnd.nextDouble() * 2 - 1) * 25;
                default -> Math.copySign(Math.pow(10, -15 * rnd.nextDouble()), rnd.nextDouble() - 0.5);
            };
        }
        double[] special = {0.0, -0.0, Tanh.SMALL, -Tanh.SMALL, Math.nextDown(Tanh.SMALL), Tanh.SATURATED,
                Math.nextDown(Tanh.SATURATED), -Tanh.SATURATED, 1e-300, Double.MIN_VALUE, 700, -1e308,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        System.arraycopy(special, 0, x, 0, special.length);
        return x;
    }

    /** Oracle: StrictMath.tanh (fdlibm, within 1 ulp here); ours is within 1 ulp of exact, so at most 2 apart. */
    @Test
    void withinTwoUlpsOfFdlibm() {
        double worst = 0;
        double sum = 0;
        for (double x : inputs()) {
            double ours = Tanh.tanh(x);
            double exact = StrictMath.tanh(x);
            if (Double.isNaN(x)) {
                assertTrue(Double.isNaN(ours));
                continue;
            }
            double ulps = Math.abs(ours - exact) / Math.ulp(exact);
            worst = Math.max(worst, ulps);
            sum += ulps;
            assertTrue(ulps <= 2.0, "tanh(" + x + ") = " + ours + ", fdlibm " + exact);
        }
        assertTrue(sum / inputs().length < 0.3, "mean difference " + sum / inputs().length + " ulp, worst " + worst);
    }

    @Test
    void oddSaturatedAndSignedZero() {
        for (double x : inputs()) {
            if (!Double.isNaN(x)) {
                assertEquals(Double.doubleToRawLongBits(-Tanh.tanh(x)), Double.doubleToRawLongBits(Tanh.tanh(-x)),
                        "odd at " + x);
            }
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Tanh.tanh(-0.0)));
        assertEquals(1.0, Tanh.tanh(Tanh.SATURATED), 0.0);
        assertEquals(1.0, Tanh.tanh(Math.nextDown(Tanh.SATURATED)), 0.0);
        assertEquals(-1.0, Tanh.tanh(Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(Tanh.tanh(Double.NaN)));
    }

    /** Monotone across the switch from the polynomial to the exponential formula. */
    @Test
    void monotoneAcrossTheBranchPoint() {
        double x = Tanh.SMALL;
        for (int i = 0; i < 2000; i++) {
            x = Math.nextDown(x);
        }
        double previous = Tanh.tanh(x);
        for (int i = 0; i < 4000; i++) {
            x = Math.nextUp(x);
            double v = Tanh.tanh(x);
            assertTrue(v >= previous, "tanh decreases at " + x);
            previous = v;
        }
    }

    /** The SIMD path (when the module is present) and the scalar path give the same bits, tails included. */
    @Test
    void vectorAndScalarPathsAgreeBitForBit() {
        double[] x = inputs();
        for (int from : new int[]{0, 1, 3}) {
            int to = x.length - from;
            double[] out = new double[x.length];
            Tanh.apply(x, from, out, from, to - from);
            for (int i = from; i < to; i++) {
                assertEquals(Double.doubleToRawLongBits(Tanh.tanh(x[i])), Double.doubleToRawLongBits(out[i]),
                        "x = " + x[i]);
            }
            double[] inPlace = x.clone();
            Tanh.apply(inPlace, from, inPlace, from, to - from);
            double[] shifted = new double[x.length + 5];
            Tanh.apply(x, from, shifted, 5, to - from);
            for (int i = from; i < to; i++) {
                assertEquals(Double.doubleToRawLongBits(out[i]), Double.doubleToRawLongBits(shifted[i - from + 5]));
            }
            for (int i = from; i < to; i++) {
                assertEquals(Double.doubleToRawLongBits(out[i]), Double.doubleToRawLongBits(inPlace[i]));
            }
        }
    }
}
