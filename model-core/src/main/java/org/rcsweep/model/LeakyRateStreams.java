package org.rcsweep.model;

import org.rcsweep.parallel.ResidentThreads;
import org.rcsweep.spec.Activation;
import org.rcsweep.parallel.SpinBarrier;

/**
 * S streams of a {@link LeakyRateReservoir} (the same W, w_in, b, leak and activation) advanced together:
 * X(t+1) = (1−a)X(t) + a·f(W X(t) + w_in u(t+1)ᵀ + b 1ᵀ) with X of size N × S, one matrix–matrix product per step
 * ({@link StreamProduct}), so W is read once per step for all streams instead of once per stream. Each thread
 * computes a contiguous share of the rows, adds the input and bias, applies the activation and the leak to its rows
 * while they are in cache, and the threads meet at a barrier after each step. Every entry has the same arithmetic
 * for any number of threads.
 */
final class LeakyRateStreams implements StreamedReservoir {
    private final AlignedRows w;
    private final double[] wIn;
    private final double[] bias;
    private final double leak;
    private final Activation activation;
    private final int n;
    private final int streams;
    /** Streams rounded up to whole vectors; the padding columns run with zero input and are never read out. */
    private final int p;
    private final int parts;
    private final ResidentThreads helpers;
    private double[] x;
    private double[] next;
    private final double[] drive;
    private final double[] input;

    LeakyRateStreams(AlignedRows w, double[] wIn, double[] bias, double leak, Activation activation, int streams,
                     int threads) {
        this.w = w;
        this.wIn = wIn;
        this.bias = bias;
        this.leak = leak;
        this.activation = activation;
        this.n = wIn.length;
        this.streams = streams;
        this.p = StreamProduct.padded(streams);
        // Rows per thread: enough that a step's share outweighs a barrier meeting (a few microseconds).
        this.parts = (long) n * n * p < 1L << 18 ? 1 : Math.max(1, Math.min(threads, n / 16));
        this.helpers = new ResidentThreads("rcsweep-streams", parts - 1);
        this.x = new double[n * p];
        this.next = new double[n * p];
        this.drive = new double[n * p];
        this.input = new double[p];
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public int streams() {
        return streams;
    }

    @Override
    public void advance(double[][] u, int from, int steps, double[][] states) {
        SpinBarrier barrier = new SpinBarrier(parts);
        double[][] buffers = {x, next};
        helpers.run(parts, part -> {
            int lo = (int) ((long) n * part / parts);
            int hi = (int) ((long) n * (part + 1) / parts);
            try {
                advanceRows(u, from, steps, states, lo, hi, part, barrier, buffers);
            } catch (RuntimeException | Error e) {
                barrier.breakBarrier();
                throw e;
            }
        });
        if (steps % 2 == 1) {
            double[] t = x;
            x = next;
            next = t;
        }
    }

    private void advanceRows(double[][] u, int from, int steps, double[][] states, int lo, int hi, int part,
                             SpinBarrier barrier, double[][] buffers) {
        boolean tanh = activation == Activation.TANH;
        double keep = 1.0 - leak;
        double[] current = buffers[0];
        double[] following = buffers[1];
        double[] in = part == 0 ? input : new double[p];
        for (int t = 0; t < steps; t++) {
            for (int s = 0; s < streams; s++) {
                in[s] = u[s][from + t];
            }
            StreamProduct.product(w, current, p, drive, lo, hi);
            for (int i = lo; i < hi; i++) {
                int o = i * p;
                double wi = wIn[i];
                double bi = bias[i];
                for (int c = 0; c < p; c++) {
                    drive[o + c] = Math.fma(wi, in[c], drive[o + c]) + bi;
                }
            }
            if (tanh) {
                Tanh.apply(drive, lo * p, drive, lo * p, (hi - lo) * p);
            }
            for (int i = lo * p; i < hi * p; i++) {
                following[i] = keep * current[i] + leak * drive[i];
            }
            for (int s = 0; s < streams; s++) {
                double[] out = states[s];
                int row = t * n;
                for (int i = lo; i < hi; i++) {
                    out[row + i] = following[i * p + s];
                }
            }
            barrier.await();
            double[] swap = current;
            current = following;
            following = swap;
        }
    }
}
