package org.rcsweep.model;

import org.rcsweep.parallel.ResidentThreads;
import org.rcsweep.parallel.RowBalance;
import org.rcsweep.parallel.SpinBarrier;
import org.rcsweep.spec.Activation;

/**
 * x(t+1) = (1−a)·x(t) + a·f(W x(t) + w_in u(t+1) + b) with dense row-major W. Echo state networks, linear
 * reservoirs, rings, delay lines and orthogonal reservoirs are all instances with different weights.
 *
 * <p>With several threads ({@link #withThreads}) each thread advances a contiguous share of the neurons every step
 * from the full previous state, and the threads meet at a barrier after each step (the state is double-buffered,
 * so one meeting per step suffices). Every neuron's update is the same arithmetic as with one thread. The shares
 * follow each thread's measured rate over the previous call ({@link RowBalance}), so a thread on a slower core gets
 * fewer rows; which thread computes a row does not change its value.
 *
 * <p>W with at most a tenth of its entries nonzero (sparse echo state networks) is multiplied through its nonzero
 * entries only ({@link SparseRows}), with the same row sums as the dense product.
 *
 * <p>tanh is {@link Tanh} (within 1 ulp, four neurons per instruction, same bits with and without SIMD), not
 * {@code Math.tanh}, which as fdlibm code costs about a tenth of a large reservoir's step.
 */
public final class LeakyRateReservoir implements Reservoir {
    /** Below this size a step is too short for a per-step barrier to pay off; one thread runs it. */
    static final int PARALLEL_MIN_SIZE = 128;
    private final int n;
    /** W, its rows on 32-byte boundaries (where G1 places a large array: see {@link AlignedRows}). */
    private final AlignedRows w;
    /** W's nonzero entries when at most a tenth are nonzero (same row sums, fewer operations), else null. */
    private final SparseRows sparse;
    private final double[] wIn;
    private final double[] bias;
    private final double leak;
    private final Activation activation;
    private final double[] x;
    private final double[] next;
    private final double[] drive;
    /** How the rows are split among the threads; adapted after every call of {@link #advance}. */
    private final RowBalance balance;
    /** The threads of the other ranges, kept between calls (a chunk of 256 steps each). */
    private final ResidentThreads helpers;

    public LeakyRateReservoir(double[] w, double[] wIn, double[] bias, double leak, Activation activation) {
        this(AlignedRows.of(checked(w, wIn, bias), wIn.length), SparseRows.ofSparse(w, wIn.length), wIn.clone(),
                bias.clone(), leak, activation, 1, new double[wIn.length]);
    }

    /** Shares the (never modified) weights; starts from {@code state}. */
    private LeakyRateReservoir(AlignedRows w, SparseRows sparse, double[] wIn, double[] bias, double leak,
                               Activation activation, int threads, double[] state) {
        this.n = wIn.length;
        this.w = w;
        this.sparse = sparse;
        this.wIn = wIn;
        this.bias = bias;
        this.leak = leak;
        this.activation = activation;
        this.balance = new RowBalance(parts(n, sparse, threads), 2); // even bounds keep the product's row pairs
        this.helpers = new ResidentThreads("rcsweep-reservoir", balance.parts() - 1);
        this.x = state;
        this.next = new double[n];
        this.drive = new double[n];
    }

    private static double[] checked(double[] w, double[] wIn, double[] bias) {
        int n = wIn.length;
        if (w.length != n * n || bias.length != n) {
            throw new IllegalArgumentException("W must be " + n + "x" + n + " and b of length " + n);
        }
        return w;
    }

    @Override
    public LeakyRateReservoir withThreads(int count) {
        return new LeakyRateReservoir(w, sparse, wIn, bias, leak, activation, count, x.clone());
    }

    @Override
    public int size() {
        return n;
    }

    /** One thread runs the same loop as several, over all rows, with a barrier that never waits. */
    @Override
    public void advance(double[] u, int from, int steps, double[] states) {
        int parts = balance.parts();
        int[] bounds = balance.bounds(n);
        long[] busy = new long[parts];
        SpinBarrier barrier = new SpinBarrier(parts);
        helpers.run(parts, part -> {
            try {
                busy[part] = advanceRows(u, from, steps, states, bounds[part], bounds[part + 1], barrier);
            } catch (RuntimeException | Error e) {
                barrier.breakBarrier(); // the others would otherwise wait for this thread forever
                throw e;
            }
        });
        balance.record(bounds, busy);
        if (steps % 2 == 1) {
            System.arraycopy(next, 0, x, 0, n); // the state of the last step is in the other buffer
        }
    }

    /** Threads for the rows: one below {@link #PARALLEL_MIN_SIZE}, else up to {@code threads}, 64 rows each at least. */
    private static int parts(int n, SparseRows sparse, int threads) {
        boolean small = n < PARALLEL_MIN_SIZE
                || sparse != null && sparse.nonzeros() < (long) PARALLEL_MIN_SIZE * PARALLEL_MIN_SIZE;
        return small ? 1 : Math.max(1, Math.min(threads, n / (PARALLEL_MIN_SIZE / 2)));
    }

    /**
     * Steps rows lo ≤ i &lt; hi, alternating between the two state buffers, meeting the others after each step;
     * returns the nanoseconds it was busy, waiting at the barrier excluded.
     */
    private long advanceRows(double[] u, int from, int steps, double[] states, int lo, int hi,
                             SpinBarrier barrier) {
        boolean timed = barrier.parties() > 1;
        long start = timed ? System.nanoTime() : 0;
        long waited = 0;
        boolean tanh = activation == Activation.TANH;
        double keep = 1.0 - leak;
        double[] current = x;
        double[] following = next;
        for (int s = 0; s < steps; s++) {
            double ut = u[from + s];
            if (sparse != null) {
                sparse.product(current, drive, lo, hi);
            } else if (s % 2 == 0) {
                MatVec.product(w, current, drive, lo, hi);
            } else {
                MatVec.productDescending(w, current, drive, lo, hi);
            }
            for (int i = lo; i < hi; i++) {
                drive[i] = drive[i] + wIn[i] * ut + bias[i];
            }
            if (tanh) {
                Tanh.apply(drive, lo, drive, lo, hi - lo);
            }
            for (int i = lo; i < hi; i++) {
                following[i] = keep * current[i] + leak * drive[i];
            }
            System.arraycopy(following, lo, states, s * n + lo, hi - lo);
            if (timed) { // one thread has nothing to balance: no clock reads in its steps (N = 100: a few µs a step)
                long arrived = System.nanoTime();
                barrier.await();
                waited += System.nanoTime() - arrived;
            }
            double[] t = current;
            current = following;
            following = t;
        }
        return timed ? System.nanoTime() - start - waited : 0;
    }

    /**
     * S copies of this reservoir, from the zero state, advanced together by one matrix–matrix product per step with
     * up to {@code threads} threads (the weights are shared, not copied).
     */
    public StreamedReservoir streams(int count, int threads) {
        return new LeakyRateStreams(w, wIn, bias, leak, activation, count, threads);
    }

    /** A copy of the recurrent matrix (row-major). */
    public double[] recurrentWeights() {
        return w.toRowMajor();
    }

    public double[] inputWeights() {
        return wIn.clone();
    }

    public double[] bias() {
        return bias.clone();
    }

    public double leak() {
        return leak;
    }

    public Activation activation() {
        return activation;
    }
}
