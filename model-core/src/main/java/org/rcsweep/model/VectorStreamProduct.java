package org.rcsweep.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StreamProduct#product} in SIMD registers: a pass holds six rows × eight streams (two 256-bit vectors) as
 * twelve accumulators, the ten or more independent fused multiply–add chains a core needs to stay busy, with room in
 * the sixteen registers for the two X vectors and a broadcast W_ij (a six-by-sixteen block would need seventeen and
 * spill). Each load of X serves six rows, each broadcast of W_ij eight streams.
 */
final class VectorStreamProduct {
    private static final VectorSpecies<Double> V = DoubleVector.SPECIES_256;

    private VectorStreamProduct() {
    }

    static void product(double[] a, int offset, int stride, int n, double[] x, int p, double[] h, int lo, int hi) {
        // Rows in blocks of six, each block's column groups of eight one after the other: the block's rows of W
        // (6·N doubles) stay in cache for the block's later groups, so W streams from memory once per product.
        int wide = p - p % 8;
        int i = lo;
        for (; i + 6 <= hi; i += 6) {
            for (int c = 0; c < wide; c += 8) {
                rows6x8(a, offset + i * stride, stride, n, x, p, c, h, i * p + c);
            }
            if (wide < p) {
                rows6x4(a, offset + i * stride, stride, n, x, p, wide, h, i * p + wide);
            }
        }
        for (; i < hi; i++) {
            for (int c = 0; c < p; c += 4) {
                rows1x4(a, offset + i * stride, n, x, p, c, h, i * p + c);
            }
        }
    }

    private static void rows6x4(double[] a, int o, int stride, int n, double[] x, int p, int c, double[] h, int ho) {
        DoubleVector s0 = DoubleVector.zero(V), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0;
        for (int j = 0, xo = c; j < n; j++, xo += p) {
            DoubleVector x0 = DoubleVector.fromArray(V, x, xo);
            s0 = DoubleVector.broadcast(V, a[o + j]).fma(x0, s0);
            s1 = DoubleVector.broadcast(V, a[o + stride + j]).fma(x0, s1);
            s2 = DoubleVector.broadcast(V, a[o + 2 * stride + j]).fma(x0, s2);
            s3 = DoubleVector.broadcast(V, a[o + 3 * stride + j]).fma(x0, s3);
            s4 = DoubleVector.broadcast(V, a[o + 4 * stride + j]).fma(x0, s4);
            s5 = DoubleVector.broadcast(V, a[o + 5 * stride + j]).fma(x0, s5);
        }
        s0.intoArray(h, ho);
        s1.intoArray(h, ho + p);
        s2.intoArray(h, ho + 2 * p);
        s3.intoArray(h, ho + 3 * p);
        s4.intoArray(h, ho + 4 * p);
        s5.intoArray(h, ho + 5 * p);
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


    private static void rows1x4(double[] a, int o, int n, double[] x, int p, int c, double[] h, int ho) {
        DoubleVector s = DoubleVector.zero(V);
        for (int j = 0, xo = c; j < n; j++, xo += p) {
            s = DoubleVector.broadcast(V, a[o + j]).fma(DoubleVector.fromArray(V, x, xo), s);
        }
        s.intoArray(h, ho);
    }
}
