package org.rcsweep.stats;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FFT path for delayed-input targets against the plain product, and the FFT against a direct DFT. */
class DelayedCrossMomentsTest {
    @Test
    void fftMatchesTheDirectDiscreteFourierTransform() {
        Random random = new Random(1);
        for (int n : new int[] {1, 2, 8, 64, 256}) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = random.nextGaussian();
                im[i] = random.nextGaussian();
            }
            double[] fr = re.clone();
            double[] fi = im.clone();
            new Fft(n).forward(fr, fi);
            for (int f = 0; f < n; f++) {
                double sr = 0;
                double si = 0;
                for (int t = 0; t < n; t++) {
                    double angle = -2 * Math.PI * f * t / n;
                    sr += re[t] * Math.cos(angle) - im[t] * Math.sin(angle);
                    si += re[t] * Math.sin(angle) + im[t] * Math.cos(angle);
                }
                assertEquals(sr, fr[f], 1e-12 * n, "re, n = " + n + ", f = " + f);
                assertEquals(si, fi[f], 1e-12 * n, "im, n = " + n + ", f = " + f);
            }
            new Fft(n).backward(fr, fi);
            for (int t = 0; t < n; t++) {
                assertEquals(re[t], fr[t] / n, 1e-12, "round trip");
            }
        }
    }

    /**
     * The fused pass (the first two stages in locals) and the bit-reversed gather against the textbook transform
     * written out here: permutation, then one radix-2 stage at a time with the same twiddles and butterfly
     * operations. The same bits for every size, both directions, with and without the vectorised stages.
     */
    @Test
    void everyPathHasTheBitsOfOneStageAtATime() {
        Random random = new Random(5);
        for (int n = 1; n <= 4096; n <<= 1) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = random.nextGaussian();
                im[i] = random.nextGaussian();
            }
            for (String path : new String[] {"forward", "bit-reversed gather", "backward"}) {
                boolean backward = path.equals("backward");
                double[][] expected = {re.clone(), im.clone()};
                textbook(expected[0], expected[1], backward);
                for (boolean vectorised : new boolean[] {false, true}) {
                    Fft fft = new Fft(n, vectorised);
                    double[][] actual = {re.clone(), im.clone()};
                    switch (path) {
                        case "forward" -> fft.forward(actual[0], actual[1]);
                        case "backward" -> fft.backward(actual[0], actual[1]);
                        default -> {
                            // the delay correlation's gather: inputs placed at their bit-reversed positions
                            double[][] placed = new double[2][n];
                            for (int t = 0; t < n; t++) {
                                placed[0][fft.bitReversed(t)] = actual[0][t];
                                placed[1][fft.bitReversed(t)] = actual[1][t];
                            }
                            fft.forwardFromBitReversed(placed[0], placed[1]);
                            actual = placed;
                        }
                    }
                    for (int part = 0; part < 2; part++) {
                        for (int i = 0; i < n; i++) {
                            assertEquals(Double.doubleToLongBits(expected[part][i]),
                                    Double.doubleToLongBits(actual[part][i]), "n = " + n + ", " + path
                                            + ", vectorised " + vectorised + ", entry " + i);
                        }
                    }
                }
            }
        }
    }

    private static void textbook(double[] re, double[] im, boolean backward) {
        int n = re.length;
        int bits = Integer.numberOfTrailingZeros(n);
        for (int i = 0; i < n; i++) {
            int j = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int half = 1; half < n; half <<= 1) {
            int step = n / (2 * half);
            for (int start = 0; start < n; start += 2 * half) {
                for (int k = 0; k < half; k++) {
                    double angle = -2 * Math.PI * (k * step) / n;
                    double wr = StrictMath.cos(angle);
                    double wi = backward ? -StrictMath.sin(angle) : StrictMath.sin(angle);
                    int a = start + k;
                    int b = a + half;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    /** The chunk sums of the moments (targets and their squares; shifted features) keep the scalar bits in SIMD. */
    @Test
    void vectorSumsHaveTheScalarBits() {
        assertTrue(TransposeProduct.VECTORISED, "the tests run with --add-modules=jdk.incubator.vector (pom argLine)");
        Random random = new Random(13);
        int n = 37;
        double[] values = new double[n + 5];
        double[] start = new double[n];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * 1e3;
        }
        for (int i = 0; i < n; i++) {
            start[i] = random.nextGaussian();
        }
        double[] sy = start.clone();
        double[] syy = start.clone();
        double[] syScalar = start.clone();
        double[] syyScalar = start.clone();
        int k = VectorSums.sumsAndSquares(values, 3, sy, syy, 1, n);
        assertEquals(37, k, "nine whole groups of four from 1");
        for (int i = 1; i < k; i++) {
            double v = values[3 + i];
            syScalar[i] += v;
            syyScalar[i] += v * v;
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(syScalar, sy, 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(syyScalar, syy, 0.0);

        double[] x = values.clone();
        double[] xScalar = values.clone();
        double[] sx = start.clone();
        double[] sxScalar = start.clone();
        double[] shift = syy.clone();
        int j = VectorSums.shiftAndSum(x, 2, shift, sx, 0, n);
        assertEquals(36, j);
        for (int i = 0; i < j; i++) {
            double v = xScalar[2 + i] - shift[i];
            xScalar[2 + i] = v;
            sxScalar[i] += v;
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(xScalar, x, 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(sxScalar, sx, 0.0);
    }

    /** The spectra's product Z(−f)·U(f), written or added, has the scalar loop's bits on the SIMD path. */
    @Test
    void reversedProductHasTheScalarBits() {
        Random random = new Random(11);
        for (int n : new int[] {8, 16, 64, 4096}) {
            double[][] in = new double[4][n];
            for (double[] v : in) {
                for (int i = 0; i < n; i++) {
                    v[i] = random.nextGaussian();
                }
            }
            for (boolean add : new boolean[] {false, true}) {
                double[] before = new double[2 * n + 3];
                for (int i = 0; i < before.length; i++) {
                    before[i] = random.nextGaussian();
                }
                double[] scalar = before.clone();
                double[] simd = before.clone();
                DelayCorrelation.reversedProduct(in[0], in[1], in[2], in[3], n, scalar, 3, scalar, 3 + n, add, false);
                DelayCorrelation.reversedProduct(in[0], in[1], in[2], in[3], n, simd, 3, simd, 3 + n, add,
                        TransposeProduct.VECTORISED);
                org.junit.jupiter.api.Assertions.assertArrayEquals(scalar, simd, 0.0, "n = " + n + ", add " + add);
                int f = n - 3; // the real part at one frequency from the definition: Z(n − f) = Z(3)
                double expected = in[0][3] * in[2][f] - in[1][3] * in[3][f];
                assertEquals(add ? before[3 + f] + expected : expected, simd[3 + f], 0.0);
            }
        }
    }

    @Test
    void delayedInputCrossMomentsEqualThePlainProduct() {
        int p = 7;
        for (int maxDelay : new int[] {0, 5, 300}) {
            for (int chunk : new int[] {1, 97, 256}) {
                Random random = new Random(maxDelay * 1000L + chunk);
                int steps = 2000;
                double[] u = new double[steps + maxDelay];
                for (int i = 0; i < u.length; i++) {
                    u[i] = 2 * random.nextDouble() - 1;
                }
                CrossMoments plain = new CrossMoments(p, maxDelay + 1);
                CrossMoments fft = CrossMoments.forDelayedInputs(p, maxDelay, chunk);
                CrossMoments threaded = CrossMoments.forDelayedInputs(p, maxDelay, chunk, 3);
                // blocks capped below the delay range: 7 features × 40 rows (rows < K when K = 300); the spectra do
                // not fit that budget, so each block is transformed back at once (the path without summed spectra)
                CrossMoments shortBlocks = CrossMoments.forDelayedInputs(p, maxDelay, Math.min(chunk, 40), 7 * 40, 1);
                for (int t0 = 0; t0 < steps; t0 += chunk) {
                    int rows = Math.min(chunk, steps - t0);
                    DMatrixRMaj x = features(random, u, maxDelay, t0, rows, p);
                    DMatrixRMaj y = delayedInputs(u, maxDelay, t0, rows);
                    plain.add(x.copy(), y.copy());
                    if (chunk <= 40) {
                        shortBlocks.add(x.copy(), y.copy());
                    }
                    threaded.add(x.copy(), y.copy());
                    fft.add(x, y);
                }
                org.junit.jupiter.api.Assertions.assertArrayEquals(fft.centredCross().data,
                        threaded.centredCross().data, 0.0, "threads change no bit");
                DMatrixRMaj expected = plain.centredCross();
                DMatrixRMaj actual = fft.centredCross();
                DMatrixRMaj capped = chunk <= 40 ? shortBlocks.centredCross() : actual;
                double scale = 0;
                for (double v : expected.data) {
                    scale = Math.max(scale, Math.abs(v));
                }
                assertTrue(scale > 10, "the test sums are not trivial");
                for (int i = 0; i < expected.data.length; i++) {
                    assertEquals(expected.data[i], actual.data[i], 1e-12 * scale,
                            "K = " + maxDelay + ", chunk " + chunk + ", entry " + i);
                    assertEquals(expected.data[i], capped.data[i], 1e-12 * scale,
                            "short blocks, K = " + maxDelay + ", chunk " + chunk + ", entry " + i);
                }
            }
        }
    }

    /**
     * Moments read out half way and then added to go on from the cross moments they had: the summed spectra drained
     * by the read-out are not counted again (they are cleared when the next block comes, not at the read-out).
     */
    @Test
    void readingOutHalfWayDoesNotCountTheDrainedSpectraTwice() {
        int p = 6;
        int maxDelay = 300;
        int chunk = 128;
        int steps = 3000;
        Random random = new Random(21);
        double[] u = new double[steps + maxDelay];
        for (int i = 0; i < u.length; i++) {
            u[i] = 2 * random.nextDouble() - 1;
        }
        CrossMoments plain = new CrossMoments(p, maxDelay + 1);
        CrossMoments readHalfWay = CrossMoments.forDelayedInputs(p, maxDelay, chunk, 2);
        for (int t0 = 0; t0 < steps; t0 += chunk) {
            int rows = Math.min(chunk, steps - t0);
            DMatrixRMaj x = features(random, u, maxDelay, t0, rows, p);
            plain.add(x.copy(), delayedInputs(u, maxDelay, t0, rows));
            readHalfWay.addDelayedInputs(x, u, maxDelay + t0);
            if (t0 == 12 * chunk) {
                readHalfWay.centredCross(); // drains the spectra of the blocks so far
            }
        }
        DMatrixRMaj expected = plain.centredCross();
        DMatrixRMaj actual = readHalfWay.centredCross();
        double scale = 0;
        for (double v : expected.data) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.data.length; i++) {
            assertEquals(expected.data[i], actual.data[i], 1e-12 * scale, "entry " + i);
        }
    }

    /** Reading the delayed inputs from the input history gives the bits of adding their matrix, for both kinds. */
    @Test
    void addingFromTheInputHistoryEqualsAddingTheTargetMatrix() {
        int p = 9;
        for (int maxDelay : new int[] {5, 300}) {
            Random random = new Random(maxDelay);
            int steps = 1500;
            int chunk = 128;
            double[] u = new double[steps + maxDelay];
            for (int i = 0; i < u.length; i++) {
                u[i] = 2 * random.nextDouble() - 1;
            }
            CrossMoments[] byMatrix = {new CrossMoments(p, maxDelay + 1),
                CrossMoments.forDelayedInputs(p, maxDelay, chunk, 2)};
            CrossMoments[] byHistory = {new CrossMoments(p, maxDelay + 1),
                CrossMoments.forDelayedInputs(p, maxDelay, chunk, 2)};
            for (int t0 = 0; t0 < steps; t0 += chunk) {
                int rows = Math.min(chunk, steps - t0);
                DMatrixRMaj x = features(random, u, maxDelay, t0, rows, p);
                DMatrixRMaj y = delayedInputs(u, maxDelay, t0, rows);
                for (int kind = 0; kind < 2; kind++) {
                    byMatrix[kind].add(x.copy(), y.copy());
                    byHistory[kind].addDelayedInputs(x.copy(), u, maxDelay + t0);
                }
            }
            for (int kind = 0; kind < 2; kind++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(byMatrix[kind].centredCross().data,
                        byHistory[kind].centredCross().data, 0.0, "cross, K = " + maxDelay + ", kind " + kind);
                org.junit.jupiter.api.Assertions.assertArrayEquals(byMatrix[kind].centredGram().data,
                        byHistory[kind].centredGram().data, 0.0, "Gram");
                org.junit.jupiter.api.Assertions.assertArrayEquals(byMatrix[kind].centredTargetSquares(),
                        byHistory[kind].centredTargetSquares(), 0.0, "target squares");
            }
        }
    }

    /** Rows t0 … t0 + rows − 1 of p noisy features, feature i following u(t − min(i, K)), away from zero mean. */
    private static DMatrixRMaj features(Random random, double[] u, int maxDelay, int t0, int rows, int p) {
        DMatrixRMaj x = new DMatrixRMaj(rows, p);
        for (int s = 0; s < rows; s++) {
            for (int i = 0; i < p; i++) {
                x.set(s, i, 3 + random.nextGaussian() + 0.5 * u[maxDelay + t0 + s - Math.min(i, maxDelay)]);
            }
        }
        return x;
    }

    /** The targets y[s][k] = u(t0 + s − k), k = 0 … K, of rows t0 … t0 + rows − 1 (u holds K inputs before t = 0). */
    private static DMatrixRMaj delayedInputs(double[] u, int maxDelay, int t0, int rows) {
        DMatrixRMaj y = new DMatrixRMaj(rows, maxDelay + 1);
        for (int s = 0; s < rows; s++) {
            for (int k = 0; k <= maxDelay; k++) {
                y.set(s, k, u[maxDelay + t0 + s - k]);
            }
        }
        return y;
    }

    @Test
    void chunksThatDoNotContinueEachOtherAreRejected() {
        CrossMoments fft = CrossMoments.forDelayedInputs(2, 3, 4);
        DMatrixRMaj x = new DMatrixRMaj(2, 2);
        DMatrixRMaj first = new DMatrixRMaj(new double[][] {{4, 3, 2, 1}, {5, 4, 3, 2}});
        fft.add(x.copy(), first);
        DMatrixRMaj jump = new DMatrixRMaj(new double[][] {{9, 8, 7, 6}, {10, 9, 8, 7}});
        assertThrows(IllegalStateException.class, () -> fft.add(x.copy(), jump));
        CrossMoments fromHistory = CrossMoments.forDelayedInputs(2, 3, 4);
        double[] u = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        fromHistory.addDelayedInputs(x.copy(), u, 3);
        assertThrows(IllegalStateException.class, () -> fromHistory.addDelayedInputs(x.copy(), u, 7));
        assertThrows(IllegalArgumentException.class, () -> fromHistory.addDelayedInputs(x.copy(), u, 2));
    }
}
