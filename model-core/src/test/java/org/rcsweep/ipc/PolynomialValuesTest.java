package org.rcsweep.ipc;

import org.junit.jupiter.api.Test;
import org.rcsweep.spec.InputDistribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The strided bulk evaluation gives exactly the values of the pointwise one, for every law and degree. */
class PolynomialValuesTest {
    @Test
    void bulkValuesEqualPointwiseValues() {
        double[] u = new double[30];
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.sin(1.7 * i) * (i % 3 == 0 ? 1.0 : 0.8);
        }
        for (InputDistribution law : InputDistribution.values()) {
            int maxDegree = law == InputDistribution.BINARY ? 1 : 6;
            for (int d = 0; d <= maxDegree; d++) {
                double[] out = new double[20];
                OrthonormalPolynomials.values(law, d, u, 2, 3, 9, out, 1, 2);
                for (int s = 0; s < 9; s++) {
                    assertEquals(Double.doubleToLongBits(OrthonormalPolynomials.value(law, d, u[2 + 3 * s])),
                            Double.doubleToLongBits(out[1 + 2 * s]), law + " degree " + d + " point " + s);
                }
            }
        }
    }
}
