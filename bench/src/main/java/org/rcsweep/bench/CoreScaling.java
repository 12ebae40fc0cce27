package org.rcsweep.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the machine's cores deliver at the moment a workload runs: fused multiply–adds in registers (no memory
 * traffic) on one thread, then on every core at once. The benchmark machine is a VM whose two virtual cores
 * sometimes run as fast together as apart and sometimes do not (the same loop: 1.35× to 2.0× the one-thread rate
 * on two threads within one hour), which moves every two-thread stage; printing this next to a run's figures says
 * which kind of minutes they came from.
 */
final class CoreScaling {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    /** Iterations of eight independent fused multiply–adds (enough chains to hide the FMA latency). */
    private static final long ITERATIONS = 40_000_000L;
    private static final double FLOPS_PER_RUN = ITERATIONS * 8.0 * S.length() * 2;

    /** @param one GFLOP/s of one thread; @param all GFLOP/s of {@code threads} threads at once, in total */
    record Rates(double one, double all, int threads) {
        String describe() {
            return String.format("fused multiply–adds in registers: %.1f GFLOP/s on one thread, %.1f on %d at once "
                    + "(%.2f×; %d× if the cores are not shared)", one, all, threads, all / one, threads);
        }
    }

    private CoreScaling() {
    }

    /** The best of three runs of each kind, after one run that lets the JIT compile the loop. */
    static Rates measure(int threads) throws InterruptedException {
        double[] sums = new double[threads];
        double check = run();
        double one = 0;
        double all = 0;
        for (int rep = 0; rep < 3; rep++) {
            long start = System.nanoTime();
            check += run();
            one = Math.max(one, FLOPS_PER_RUN / (System.nanoTime() - start));
            all = Math.max(all, together(sums));
            for (double s : sums) {
                check += s;
            }
        }
        if (!(check > 0)) { // uses every result, so that the JIT keeps every loop
            throw new IllegalStateException("core scaling probe computed " + check);
        }
        return new Rates(one, all, threads);
    }

    /** Total GFLOP/s of one run on each of sums.length threads started together; each leaves its result in sums. */
    private static double together(double[] sums) throws InterruptedException {
        int threads = sums.length;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            int slot = t;
            Thread worker = new Thread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    sums[slot] = run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "core-scaling");
            worker.setDaemon(true);
            worker.start();
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        done.await();
        long elapsed = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException("core scaling probe failed", failure.get());
        }
        return threads * FLOPS_PER_RUN / elapsed;
    }

    /** Eight chains of fused multiply–adds; returns their sum (which the callers use). */
    private static double run() {
        DoubleVector m = DoubleVector.broadcast(S, 0.999_999_9);
        DoubleVector c = DoubleVector.broadcast(S, 1e-7);
        DoubleVector a0 = DoubleVector.broadcast(S, 1.0);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector a4 = a0;
        DoubleVector a5 = a0;
        DoubleVector a6 = a0;
        DoubleVector a7 = a0;
        for (long i = 0; i < ITERATIONS; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).reduceLanes(VectorOperators.ADD);
    }
}
