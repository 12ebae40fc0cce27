package org.rcsweep.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the machine's cores deliver at the moment a workload runs, on one thread and then on every core at once:
 * fused multiply–adds in registers (no memory traffic), and reads of a 4 MiB array per thread (beyond the core's L2,
 * within the shared L3: what the reservoir's row product streams every step). On a virtual machine the cores may
 * run as fast together as apart at one moment and not at the next, and the simulation's speed may drift even while
 * the FMA loop still scales with the cores; printing both next to a run's figures says which kind of minutes they
 * came from.
 */
final class CoreScaling {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    /** Iterations of eight independent fused multiply–adds (enough chains to hide the FMA latency). */
    private static final long ITERATIONS = 40_000_000L;
    private static final double FLOPS_PER_RUN = ITERATIONS * 8.0 * S.length() * 2;

    /** Doubles each thread reads per pass: 4 MiB. */
    private static final int READ_DOUBLES = 1 << 19;
    private static final int READ_PASSES = 200;

    /**
     * @param one     GFLOP/s of one thread; @param all GFLOP/s of {@code threads} threads at once, in total
     * @param readOne GB/s one thread reads; @param readAll GB/s all threads read at once, in total
     */
    record Rates(double one, double all, double readOne, double readAll, int threads) {
        String describe() {
            return String.format("fused multiply–adds in registers %.1f GFLOP/s on one thread, %.1f on %d at once "
                            + "(%.2f×); reading 4 MiB per thread %.1f GB/s on one, %.1f on %d (%.2f×); %d× for "
                            + "both if the cores share nothing", one, all, threads, all / one, readOne, readAll,
                    threads, readAll / readOne, threads);
        }
    }

    private CoreScaling() {
    }

    /** The best of three runs of each kind, after one run that lets the JIT compile the loop. */
    static Rates measure(int threads) throws InterruptedException {
        double[] sums = new double[threads];
        double[][] arrays = new double[threads][READ_DOUBLES];
        for (double[] a : arrays) {
            java.util.Arrays.fill(a, 1.0);
        }
        double check = run() + read(arrays[0]);
        double one = 0;
        double all = 0;
        double readOne = 0;
        double readAll = 0;
        double bytes = 8.0 * READ_DOUBLES * READ_PASSES;
        for (int rep = 0; rep < 3; rep++) {
            long start = System.nanoTime();
            check += run();
            one = Math.max(one, FLOPS_PER_RUN / (System.nanoTime() - start));
            all = Math.max(all, FLOPS_PER_RUN * threads / together(sums, t -> run()));
            start = System.nanoTime();
            check += read(arrays[0]);
            readOne = Math.max(readOne, bytes / (System.nanoTime() - start));
            for (double s : sums) {
                check += s;
            }
            readAll = Math.max(readAll, bytes * threads / together(sums, t -> read(arrays[t])));
            for (double s : sums) {
                check += s;
            }
        }
        if (!(check > 0)) { // uses every result, so that the JIT keeps every loop
            throw new IllegalStateException("core scaling probe computed " + check);
        }
        return new Rates(one, all, readOne, readAll, threads);
    }

    /**
     * Nanoseconds for sums.length threads started together to run {@code work} once each; each leaves its result in
     * sums.
     */
    private static long together(double[] sums, java.util.function.IntToDoubleFunction work)
            throws InterruptedException {
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
                    sums[slot] = work.applyAsDouble(slot);
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
        return elapsed;
    }

    /** {@value #READ_PASSES} passes of reading the array; returns the sum of their sums. */
    private static double read(double[] a) {
        double sum = 0;
        for (int pass = 0; pass < READ_PASSES; pass++) {
            sum += readPass(a);
        }
        return sum;
    }

    /** One pass, four vectors at a time (a method of its own, so that the JIT compiles it after the first calls). */
    private static double readPass(double[] a) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int lanes = S.length();
        for (int i = 0; i + 4 * lanes <= a.length; i += 4 * lanes) {
            s0 = s0.add(DoubleVector.fromArray(S, a, i));
            s1 = s1.add(DoubleVector.fromArray(S, a, i + lanes));
            s2 = s2.add(DoubleVector.fromArray(S, a, i + 2 * lanes));
            s3 = s3.add(DoubleVector.fromArray(S, a, i + 3 * lanes));
        }
        return s0.add(s1).add(s2).add(s3).reduceLanes(VectorOperators.ADD);
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
