package org.rcsweep.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StreamProduct#product} in SIMD registers. Columns of X go in groups of 16, 8 or 4 streams (four, two or one
 * 256-bit vectors); a pass holds a block of rows × the group's vectors as accumulators (12, 12 or 8 of the 16
 * registers, which keeps the ten or more independent fused multiply–add chains a core needs to stay busy), loads one
 * row of the group's X once for all rows of the block and broadcasts each W_ij once for the group.
 */
final class VectorStreamProduct {
    private static final VectorSpecies<Double> V = DoubleVector.SPECIES_256;

    private VectorStreamProduct() {
    }

    static void product(double[] a, int offset, int stride, int n, double[] x, int p, double[] h, int lo, int hi) {
        int c = 0;
        for (; c + 16 <= p; c += 16) {
            int i = lo;
            for (; i + 3 <= hi; i += 3) {
                rows3x16(a, offset + i * stride, stride, n, x, p, c, h, i * p + c);
            }
            for (; i < hi; i++) {
                rows1x16(a, offset + i * stride, n, x, p, c, h, i * p + c);
            }
        }
        for (; c + 8 <= p; c += 8) {
            int i = lo;
            for (; i + 6 <= hi; i += 6) {
                rows6x8(a, offset + i * stride, stride, n, x, p, c, h, i * p + c);
            }
            for (; i < hi; i++) {
                rows1x4(a, offset + i * stride, n, x, p, c, h, i * p + c);
                rows1x4(a, offset + i * stride, n, x, p, c + 4, h, i * p + c + 4);
            }
        }
        for (; c + 4 <= p; c += 4) {
            int i = lo;
            for (; i + 8 <= hi; i += 8) {
                rows8x4(a, offset + i * stride, stride, n, x, p, c, h, i * p + c);
            }
            for (; i < hi; i++) {
                rows1x4(a, offset + i * stride, n, x, p, c, h, i * p + c);
            }
        }
    }

    private static void rows3x16(double[] a, int o, int stride, int n, double[] x, int p, int c, double[] h, int ho) {
        DoubleVector s00 = DoubleVector.zero(V), s01 = s00, s02 = s00, s03 = s00;
        DoubleVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        DoubleVector s20 = s00, s21 = s00, s22 = s00, s23 = s00;
        int o1 = o + stride;
        int o2 = o1 + stride;
        for (int j = 0, xo = c; j < n; j++, xo += p) {
            DoubleVector x0 = DoubleVector.fromArray(V, x, xo);
            DoubleVector x1 = DoubleVector.fromArray(V, x, xo + 4);
            DoubleVector x2 = DoubleVector.fromArray(V, x, xo + 8);
            DoubleVector x3 = DoubleVector.fromArray(V, x, xo + 12);
            DoubleVector w0 = DoubleVector.broadcast(V, a[o + j]);
            s00 = w0.fma(x0, s00);
            s01 = w0.fma(x1, s01);
            s02 = w0.fma(x2, s02);
            s03 = w0.fma(x3, s03);
            DoubleVector w1 = DoubleVector.broadcast(V, a[o1 + j]);
            s10 = w1.fma(x0, s10);
            s11 = w1.fma(x1, s11);
            s12 = w1.fma(x2, s12);
            s13 = w1.fma(x3, s13);
            DoubleVector w2 = DoubleVector.broadcast(V, a[o2 + j]);
            s20 = w2.fma(x0, s20);
            s21 = w2.fma(x1, s21);
            s22 = w2.fma(x2, s22);
            s23 = w2.fma(x3, s23);
        }
        s00.intoArray(h, ho);
        s01.intoArray(h, ho + 4);
        s02.intoArray(h, ho + 8);
        s03.intoArray(h, ho + 12);
        s10.intoArray(h, ho + p);
        s11.intoArray(h, ho + p + 4);
        s12.intoArray(h, ho + p + 8);
        s13.intoArray(h, ho + p + 12);
        s20.intoArray(h, ho + 2 * p);
        s21.intoArray(h, ho + 2 * p + 4);
        s22.intoArray(h, ho + 2 * p + 8);
        s23.intoArray(h, ho + 2 * p + 12);
    }

    private static void rows1x16(double[] a, int o, int n, double[] x, int p, int c, double[] h, int ho) {
        DoubleVector s0 = DoubleVector.zero(V), s1 = s0, s2 = s0, s3 = s0;
        for (int j = 0, xo = c; j < n; j++, xo += p) {
            DoubleVector w = DoubleVector.broadcast(V, a[o + j]);
            s0 = w.fma(DoubleVector.fromArray(V, x, xo), s0);
            s1 = w.fma(DoubleVector.fromArray(V, x, xo + 4), s1);
            s2 = w.fma(DoubleVector.fromArray(V, x, xo + 8), s2);
            s3 = w.fma(DoubleVector.fromArray(V, x, xo + 12), s3);
        }
        s0.intoArray(h, ho);
        s1.intoArray(h, ho + 4);
        s2.intoArray(h, ho + 8);
        s3.intoArray(h, ho + 12);
    }

    private static void rows6x8(double[] a, int o, int stride, int n, double[] x, int p, int c, double[] h, int ho) {
        DoubleVector s00 = DoubleVector.zero(V), s01 = s00, s10 = s00, s11 = s00, s20 = s00, s21 = s00;
        DoubleVector s30 = s00, s31 = s00, s40 = s00, s41 = s00, s50 = s00, s51 = s00;
        for (int j = 0, xo = c; j < n; j++, xo += p) {
            DoubleVector x0 = DoubleVector.fromArray(V, x, xo);
            DoubleVector x1 = DoubleVector.fromArray(V, x, xo + 4);
            DoubleVector w = DoubleVector.broadcast(V, a[o + j]);
            s00 = w.fma(x0, s00);
            s01 = w.fma(x1, s01);
            w = DoubleVector.broadcast(V, a[o + stride + j]);
            s10 = w.fma(x0, s10);
            s11 = w.fma(x1, s11);
            w = DoubleVector.broadcast(V, a[o + 2 * stride + j]);
            s20 = w.fma(x0, s20);
            s21 = w.fma(x1, s21);
            w = DoubleVector.broadcast(V, a[o + 3 * stride + j]);
            s30 = w.fma(x0, s30);
            s31 = w.fma(x1, s31);
            w = DoubleVector.broadcast(V, a[o + 4 * stride + j]);
            s40 = w.fma(x0, s40);
            s41 = w.fma(x1, s41);
            w = DoubleVector.broadcast(V, a[o + 5 * stride + j]);
            s50 = w.fma(x0, s50);
            s51 = w.fma(x1, s51);
        }
        s00.intoArray(h, ho);
        s01.intoArray(h, ho + 4);
        s10.intoArray(h, ho + p);
        s11.intoArray(h, ho + p + 4);
        s20.intoArray(h, ho + 2 * p);
        s21.intoArray(h, ho + 2 * p + 4);
        s30.intoArray(h, ho + 3 * p);
        s31.intoArray(h, ho + 3 * p + 4);
        s40.intoArray(h, ho + 4 * p);
        s41.intoArray(h, ho + 4 * p + 4);
        s50.intoArray(h, ho + 5 * p);
        s51.intoArray(h, ho + 5 * p + 4);
    }

    private static void rows8x4(double[] a, int o, int stride, int n, double[] x, int p, int c, double[] h, int ho) {
        DoubleVector s0 = DoubleVector.zero(V), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        for (int j = 0, xo = c; j < n; j++, xo += p) {
            DoubleVector x0 = DoubleVector.fromArray(V, x, xo);
            s0 = DoubleVector.broadcast(V, a[o + j]).fma(x0, s0);
            s1 = DoubleVector.broadcast(V, a[o + stride + j]).fma(x0, s1);
            s2 = DoubleVector.broadcast(V, a[o + 2 * stride + j]).fma(x0, s2);
            s3 = DoubleVector.broadcast(V, a[o + 3 * stride + j]).fma(x0, s3);
            s4 = DoubleVector.broadcast(V, a[o + 4 * stride + j]).fma(x0, s4);
            s5 = DoubleVector.broadcast(V, a[o + 5 * stride + j]).fma(x0, s5);
            s6 = DoubleVector.broadcast(V, a[o + 6 * stride + j]).fma(x0, s6);
            s7 = DoubleVector.broadcast(V, a[o + 7 * stride + j]).fma(x0, s7);
        }
        s0.intoArray(h, ho);
        s1.intoArray(h, ho + p);
        s2.intoArray(h, ho + 2 * p);
        s3.intoArray(h, ho + 3 * p);
        s4.intoArray(h, ho + 4 * p);
        s5.intoArray(h, ho + 5 * p);
        s6.intoArray(h, ho + 6 * p);
        s7.intoArray(h, ho + 7 * p);
    }

    private static void rows1x4(double[] a, int o, int n, double[] x, int p, int c, double[] h, int ho) {
        DoubleVector s = DoubleVector.zero(V);
        for (int j = 0, xo = c; j < n; j++, xo += p) {
            s = DoubleVector.broadcast(V, a[o + j]).fma(DoubleVector.fromArray(V, x, xo), s);
        }
        s.intoArray(h, ho);
    }
}
