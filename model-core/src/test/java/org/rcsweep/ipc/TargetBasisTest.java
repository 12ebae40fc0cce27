package org.rcsweep.ipc;

import org.junit.jupiter.api.Test;
import org.rcsweep.random.Rng;
import org.rcsweep.spec.InputDistribution;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetBasisTest {
    @Test
    void polynomialsAreOrthonormalUnderTheirInputLaw() {
        Rng rng = new Rng(1);
        int samples = 400_000;
        for (InputDistribution law : List.of(InputDistribution.UNIFORM, InputDistribution.GAUSSIAN)) {
            double[][] gram = new double[4][4];
            for (int s = 0; s < samples; s++) {
                double u = law == InputDistribution.UNIFORM ? 2 * rng.nextDouble() - 1 : rng.nextGaussian();
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 4; j++) {
                        gram[i][j] += OrthonormalPolynomials.value(law, i, u) * OrthonormalPolynomials.value(law, j, u)
                                / samples;
                    }
                }
            }
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals(i == j ? 1.0 : 0.0, gram[i][j], 0.03, law + " <p" + i + ", p" + j + ">");
                }
            }
        }
    }

    @Test
    void familiesArePartitionsAndTargetsAreListedOnce() {
        List<TargetFamily> families = TargetFamily.upTo(4, Integer.MAX_VALUE);
        assertEquals(1 + 2 + 3 + 5, families.size(), "p(1)+p(2)+p(3)+p(4) partitions");
        assertEquals(4, TargetFamily.upTo(4, 1).size(), "binary input: only products of distinct delays");
        TargetFamily threeOnes = new TargetFamily(3, new int[] {1, 1, 1});
        // Three distinct delays with the largest exactly s: C(s, 2) sets.
        assertEquals(10, threeOnes.withSpan(5).size());
        TargetFamily twoOne = new TargetFamily(3, new int[] {2, 1});
        // (τ₁, τ₂) distinct, max = s: 2s ordered pairs.
        assertEquals(10, twoOne.withSpan(5).size());
        assertEquals(10, new HashSet<>(twoOne.withSpan(5)).size());
        assertEquals(0, threeOnes.withSpan(1).size());
        for (IpcTarget t : twoOne.withSpan(5)) {
            assertEquals(5, t.span());
            assertTrue(t.delays()[0] != t.delays()[1]);
        }
    }

    @Test
    void chiSquareQuantilesMatchTables() {
        assertEquals(3.841458820694124, ChiSquare.quantile(1, 0.95), 1e-9);
        assertEquals(18.307038053275146, ChiSquare.quantile(10, 0.95), 1e-9);
        assertEquals(124.34211340400408, ChiSquare.quantile(100, 0.95), 1e-7);
        assertEquals(0.5, ChiSquare.cdf(2, 2 * Math.log(2)), 1e-14);
    }

    /** The closed-form count agrees with the listing for every family of degree ≤ 5, and with C(n, k) by hand. */
    @Test
    void countUpToSpanMatchesTheListedTargets() {
        for (TargetFamily f : TargetFamily.upTo(5, Integer.MAX_VALUE)) {
            long listed = 0;
            for (int span = 0; span <= 14; span++) {
                listed += f.withSpan(span).size();
                assertEquals(listed, f.countUpToSpan(span), 0.0, f.label() + " up to span " + span);
            }
        }
        TargetFamily triple = new TargetFamily(3, new int[] {1, 1, 1});
        assertEquals(20825, triple.countUpToSpan(50), 0.0, "C(51, 3)");
        assertEquals(51 * 50, new TargetFamily(3, new int[] {2, 1}).countUpToSpan(50), 0.0, "ordered pairs");
        assertEquals(0, triple.countUpToSpan(1), 0.0, "three distinct delays need a span of 2");
    }
}
