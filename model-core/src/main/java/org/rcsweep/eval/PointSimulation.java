package org.rcsweep.eval;

import org.ejml.data.DMatrixRMaj;
import org.rcsweep.input.InputSignal;
import org.rcsweep.model.LearnedReservoir;
import org.rcsweep.model.LearningRecord;
import org.rcsweep.model.Reservoir;
import org.rcsweep.model.SpikeStatistics;
import org.rcsweep.model.SpikingReservoir;
import org.rcsweep.model.UnstableLearningException;
import org.rcsweep.model.ReservoirFactory;
import org.rcsweep.model.LeakyRateReservoir;
import org.rcsweep.model.SeparateStreams;
import org.rcsweep.model.StreamedReservoir;
import org.rcsweep.random.Rng;
import org.rcsweep.random.SplitMix64;
import org.rcsweep.parallel.ParallelRanges;
import org.rcsweep.random.SeedStreams;
import org.rcsweep.spec.PointSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        if (spec.input().streams() > 1) {
            runStreams(sink);
            return;
        }
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

    /**
     * The simulation with S = {@code input.streams} &gt; 1 input streams of T/S samples each, advanced together (one
     * matrix–matrix product per step where the model allows, {@link StreamedReservoir}). Stream s has its own seeded
     * input and pre-history (stream 0 the point's own), starts from the zero state and runs its own washout. Rows are
     * handed to the sink stream by stream in rounds of R steps (R about the delay range, so that blocks of delayed
     * products stay long), with {@link InputSink#endStream} after each stream's rows: no target ever pairs a state of
     * one stream with an input of another. Within each stream the first ⌊f·T/S⌋ samples are training samples and the
     * rest held out, so the split is the same fraction of every stream.
     */
    private void runStreams(InputSink sink) {
        int n = spec.n();
        int streams = spec.input().streams();
        int lMax = spec.maxReadouts();
        int chunk = spec.capacity().chunkSteps();
        int steps = spec.input().stepsPerStream();
        int trainSteps = holdoutSplit ? spec.capacity().trainingSteps(steps) : steps;
        int round = roundRows(chunk, history, lMax, streams);

        long start = System.nanoTime();
        Reservoir first;
        StreamedReservoir all;
        try {
            first = reservoirs.get();
            if (first instanceof LeakyRateReservoir rate) {
                all = rate.streams(streams, spec.capacity().threads());
            } else {
                List<Reservoir> copies = new ArrayList<>();
                copies.add(first.withThreads(spec.capacity().threads()));
                for (int s = 1; s < streams; s++) {
                    copies.add(reservoirs.get().withThreads(spec.capacity().threads()));
                }
                all = new SeparateStreams(copies);
                first = copies.get(0);
            }
        } catch (UnstableLearningException e) {
            throw new DivergenceException(e.getMessage());
        }
        reservoir = first;
        int[] readouts = readoutNeurons(spec);
        DelayedTargets[] targets = new DelayedTargets[streams];
        double[][] windows = new double[streams][];
        double[][] states = new double[streams][chunk * n];
        DMatrixRMaj[] x = new DMatrixRMaj[streams];
        for (int s = 0; s < streams; s++) {
            targets[s] = new DelayedTargets(history, round, new InputSignal(spec.input().distribution(),
                    streamRng(SeedStreams.INPUT_SIGNAL, s)), new InputSignal(spec.input().distribution(),
                    streamRng(SeedStreams.INPUT_PREHISTORY, s)));
            windows[s] = targets[s].window();
            x[s] = new DMatrixRMaj(round, lMax);
        }
        simulateNanos += System.nanoTime() - start;

        for (int t = -spec.input().washout(); t < 0; ) {
            int rows = Math.min(round, -t);
            simulateRound(all, targets, windows, states, null, readouts, rows, chunk, t);
            t += rows;
        }
        if (first instanceof SpikingReservoir spiking) {
            spiking.resetStatistics();
        }
        for (int t = 0; t < steps; ) {
            boolean training = t < trainSteps;
            int rows = Math.min(round, (training ? trainSteps : steps) - t);
            simulateRound(all, targets, windows, states, x, readouts, rows, chunk, t);
            long handed = System.nanoTime();
            for (int s = 0; s < streams; s++) {
                sink.accept(x[s], windows[s], targets[s].offset(), training);
                sink.endStream();
                targets[s].slide(rows);
            }
            sinkNanos += System.nanoTime() - handed;
            t += rows;
        }
    }

    /** The most rows a sink receives in one call: a chunk, or with several input streams a round. */
    public static int rowsPerCall(PointSpec spec, int history) {
        int chunk = spec.capacity().chunkSteps();
        return spec.input().streams() > 1 ? roundRows(chunk, history, spec.maxReadouts(), spec.input().streams())
                : chunk;
    }

    /**
     * Steps of one round: as many as hold about the delay range (at least one chunk), within a budget of 8 Mi doubles
     * for the held readout states of all streams.
     */
    static int roundRows(int chunk, int history, int readouts, int streams) {
        long budget = (8L << 20) / Math.max(1, (long) readouts * streams);
        long wanted = ((long) Math.max(history, 1) + chunk - 1) / chunk * chunk;
        return (int) Math.max(chunk, Math.min(Math.min(wanted, 16L * chunk), budget / chunk * chunk));
    }

    /** Stream s's generator of the given kind: stream 0 uses the point's own, so that S = 1 keeps its input. */
    private Rng streamRng(SeedStreams kind, int s) {
        return s == 0 ? kind.rng(seed) : kind.rng(SplitMix64.mix(seed ^ SplitMix64.mix(STREAM_SALT + s)));
    }

    /** Salt of the per-stream seeds ("Stream"). */
    private static final long STREAM_SALT = 0x53747265616DL;

    /**
     * Draws {@code rows} inputs of every stream, advances all streams through them in chunks, checks the states, and
     * (when {@code x} is given) gathers each stream's readout states into {@code x[s]} (rows × L_max).
     */
    private void simulateRound(StreamedReservoir all, DelayedTargets[] targets, double[][] windows,
                               double[][] states, DMatrixRMaj[] x, int[] readouts, int rows, int chunk, int t) {
        long start = System.nanoTime();
        int n = all.size();
        int lMax = readouts.length;
        for (DelayedTargets target : targets) {
            target.draw(rows);
        }
        if (x != null) {
            for (DMatrixRMaj m : x) {
                m.reshape(rows, lMax, false);
            }
        }
        int offset = targets[0].offset();
        for (int done = 0; done < rows; ) {
            int b = Math.min(chunk, rows - done);
            all.advance(windows, offset + done, b, states);
            for (int s = 0; s < states.length; s++) {
                double[] st = states[s];
                checkBounded(st, b, n, t + done, " of input stream " + s);
                if (x != null) {
                    double[] xd = x[s].data;
                    for (int r = 0; r < b; r++) {
                        int so = r * n;
                        int xo = (done + r) * lMax;
                        for (int i = 0; i < lMax; i++) {
                            xd[xo + i] = st[so + readouts[i]];
                        }
                    }
                }
            }
            done += b;
        }
        if (x == null) {
            for (DelayedTargets target : targets) {
                target.slide(rows);
            }
        }
        simulateNanos += System.nanoTime() - start;
    }

    private void advance(Reservoir reservoir, DelayedTargets targets, int rows, double[] states, int t) {
        long start = System.nanoTime();
        targets.draw(rows);
        reservoir.advance(targets.window(), targets.offset(), rows, states);
        checkBounded(states, rows, reservoir.size(), t, "");
        simulateNanos += System.nanoTime() - start;
    }

    /**
     * Throws {@link DivergenceException} when a state of the {@code rows} × n states, the first row at step
     * {@code firstStep}, leaves the bounded region; {@code where} names the stream, if any, in the message.
     */
    private static void checkBounded(double[] states, int rows, int n, int firstStep, String where) {
        for (int i = 0; i < rows * n; i++) {
            double v = states[i];
            if (!(Math.abs(v) <= DIVERGENCE_BOUND)) {
                throw new DivergenceException("state of neuron " + (i % n) + where + " reached " + v + " at step "
                        + (firstStep + i / n) + " (bound " + DIVERGENCE_BOUND + ")");
            }
        }
    }

    /** Firing statistics of the last run's measured steps, or null for a rate reservoir or before any run. */
    public SpikeStatistics spikeStatistics() {
        return reservoir instanceof SpikingReservoir spiking ? spiking.statistics() : null;
    }

    /** How the last run's reservoir learned its weights, or null for a model without a learning phase. */
    public LearningRecord learningRecord() {
        return reservoir instanceof LearnedReservoir learned ? learned.learning() : null;
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
