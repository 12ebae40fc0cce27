package org.rcsweep.eval;

import org.ejml.data.DMatrixRMaj;
import org.rcsweep.input.InputSignal;
import org.rcsweep.model.LearnedMemoryReservoir;
import org.rcsweep.model.LearningRecord;
import org.rcsweep.model.Reservoir;
import org.rcsweep.model.SpikeStatistics;
import org.rcsweep.model.SpikingReservoir;
import org.rcsweep.model.UnstableLearningException;
import org.rcsweep.model.ReservoirFactory;
import org.rcsweep.parallel.ParallelRanges;
import org.rcsweep.random.SeedStreams;
import org.rcsweep.spec.PointSpec;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Drives one point's reservoir: builds it from spec and seed, runs the washout, then streams the measured samples
 * (readout states and memory targets) chunk by chunk to a sink. Memory is O(B·(N + K)), independent of T.
 */
public final class PointSimulation {
    /** States beyond this magnitude count as diverged (a tanh reservoir is bounded by 1; a linear one is not). */
    public static final double DIVERGENCE_BOUND = 1e8;
    /** Rows of a chunk a thread gathers at a time. */
    private static final int GATHER_ROWS = 32;

    private final PointSpec spec;
    private final long seed;
    private final int history;
    private final boolean holdoutSplit;
    private final Supplier<? extends Reservoir> reservoirs;
    private Reservoir reservoir;
    private long simulateNanos;
    private long sinkNanos;

    /** The memory-capacity simulation of a point: targets u(t−k) for k = 0..K, split as its estimator says. */
    public PointSimulation(PointSpec spec) {
        this(spec, spec.maxDelay(), true, reservoirs(spec));
    }

    /** Builds the point's reservoir from its spec and seed, fresh on every call. */
    public static Supplier<Reservoir> reservoirs(PointSpec spec) {
        return () -> ReservoirFactory.build(spec.model(), spec.n(), spec.correlation(), spec.input().distribution(),
                spec.seed());
    }

    /**
     * @param history      largest delay H of the delayed inputs u(t−k), k = 0..H, handed to the sink
     * @param holdoutSplit split samples into training and held-out parts as the spec's estimator says; if false,
     *                     every sample is a training sample
     * @param reservoirs   builds a fresh reservoir (in its initial state) for each run
     */
    public PointSimulation(PointSpec spec, int history, boolean holdoutSplit, Supplier<? extends Reservoir> reservoirs) {
        this.spec = spec;
        this.seed = spec.seed();
        this.history = history;
        this.holdoutSplit = holdoutSplit;
        this.reservoirs = reservoirs;
    }

    /** Number of training samples: all T for the in-sample estimator, ⌊f·T⌋ for holdout. */
    public static int trainingSteps(PointSpec spec) {
        return spec.capacity().trainingSteps(spec.input().steps());
    }

    /** The readout neurons, in readout order: the first L_max entries of a seeded random permutation. */
    public static int[] readoutNeurons(PointSpec spec) {
        return Arrays.copyOf(SeedStreams.READOUT_CHOICE.rng(spec.seed()).permutation(spec.n()), spec.maxReadouts());
    }

    /**
     * Runs the simulation, handing each chunk's delayed inputs u(t−k), k = 0..H, to the sink as a matrix; throws
     * {@link DivergenceException} when the state leaves the bounded region.
     */
    public void run(ChunkSink sink) {
        int m = history + 1;
        DMatrixRMaj y = new DMatrixRMaj(spec.capacity().chunkSteps(), m);
        run((x, u, offset, training) -> {
            int rows = x.numRows;
            y.reshape(rows, m, false);
            for (int s = 0; s < rows; s++) {
                int base = offset + s;
                int o = s * m;
                for (int k = 0; k < m; k++) {
                    y.data[o + k] = u[base - k];
                }
            }
            sink.accept(x, y, training);
        });
    }

    /** Runs the simulation, handing each chunk's raw input history to the sink. */
    public void run(InputSink sink) {
        int n = spec.n();
        int k = history;
        int lMax = spec.maxReadouts();
        int chunk = spec.capacity().chunkSteps();
        int steps = spec.input().steps();
        int trainSteps = holdoutSplit ? trainingSteps(spec) : steps;

        long start = System.nanoTime();
        try {
            reservoir = reservoirs.get().withThreads(spec.capacity().threads());
        } catch (UnstableLearningException e) {
            throw new DivergenceException(e.getMessage());
        }
        int[] readouts = readoutNeurons(spec);
        InputSignal fed = new InputSignal(spec.input().distribution(), SeedStreams.INPUT_SIGNAL.rng(seed));
        InputSignal prehistory = new InputSignal(spec.input().distribution(), SeedStreams.INPUT_PREHISTORY.rng(seed));
        DelayedTargets targets = new DelayedTargets(k, chunk, fed, prehistory);
        double[] states = new double[chunk * n];
        simulateNanos += System.nanoTime() - start;

        for (int t = -spec.input().washout(); t < 0; ) {
            int rows = Math.min(chunk, -t);
            advance(reservoir, targets, rows, states, t);
            targets.slide(rows);
            t += rows;
        }

        if (reservoir instanceof SpikingReservoir spiking) {
            spiking.resetStatistics();
        }
        DMatrixRMaj x = new DMatrixRMaj(chunk, lMax);
        for (int t = 0; t < steps; ) {
            boolean training = t < trainSteps;
            int rows = Math.min(chunk, (training ? trainSteps : steps) - t);
            advance(reservoir, targets, rows, states, t);
            long gather = System.nanoTime();
            x.reshape(rows, lMax, false);
            // The readouts' states, in readout order, rows split over the threads (a scattered gather that on one
            // thread would leave the other cores idle), when each thread gets enough to pay for starting it.
            int gatherThreads = ParallelRanges.threadsFor((long) rows * lMax, spec.capacity().threads());
            ParallelRanges.claim(gatherThreads, (rows + GATHER_ROWS - 1) / GATHER_ROWS, () -> null, (none, part) -> {
                for (int s = part * GATHER_ROWS; s < Math.min(rows, (part + 1) * GATHER_ROWS); s++) {
                    int so = s * n;
                    int xo = s * lMax;
                    for (int i = 0; i < lMax; i++) {
                        x.data[xo + i] = states[so + readouts[i]];
                    }
                }
            });
            sink.accept(x, targets.window(), targets.offset(), training);
            targets.slide(rows);
            sinkNanos += System.nanoTime() - gather;
            t += rows;
        }
    }

    private void advance(Reservoir reservoir, DelayedTargets targets, int rows, double[] states, int t) {
        long start = System.nanoTime();
        targets.draw(rows);
        reservoir.advance(targets.window(), targets.offset(), rows, states);
        int n = reservoir.size();
        for (int i = 0; i < rows * n; i++) {
            double v = states[i];
            if (!(Math.abs(v) <= DIVERGENCE_BOUND)) {
                throw new DivergenceException("state of neuron " + (i % n) + " reached " + v + " at step "
                        + (t + i / n) + " (bound " + DIVERGENCE_BOUND + ")");
            }
        }
        simulateNanos += System.nanoTime() - start;
    }

    /** Firing statistics of the last run's measured steps, or null for a rate reservoir or before any run. */
    public SpikeStatistics spikeStatistics() {
        return reservoir instanceof SpikingReservoir spiking ? spiking.statistics() : null;
    }

    /** How the last run's reservoir learned its weights, or null for a model without a learning phase. */
    public LearningRecord learningRecord() {
        return reservoir instanceof LearnedMemoryReservoir learned ? learned.learning() : null;
    }

    /** The reservoir of the last run (its state is the final state of that run). */
    public Reservoir reservoir() {
        return reservoir;
    }

    public double simulateSeconds() {
        return simulateNanos * 1e-9;
    }

    /** Time spent gathering readouts and in the sink (accumulation). */
    public double sinkSeconds() {
        return sinkNanos * 1e-9;
    }
}
