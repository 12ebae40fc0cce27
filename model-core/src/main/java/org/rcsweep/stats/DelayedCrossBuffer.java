package org.rcsweep.stats;

import org.rcsweep.parallel.ParallelRanges;

/**
 * Collects consecutive chunks of (shifted) features and the delayed-input targets that come with them into blocks
 * long enough for {@link DelayCorrelation} to pay off, and flushes each block's cross moments into S.
 *
 * <p>The targets of a memory-capacity chunk are y[s][k] = u(t0 + s − k): the chunk's first row holds the K inputs
 * before it, and every further row adds one new input. So the signal segment is rebuilt from the targets; a chunk
 * that does not continue the previous one (y[0][k] must equal the segment already held) is an error, because its
 * products would be silently wrong.
 */
final class DelayedCrossBuffer {
    /**
     * Largest block of held features, in doubles (64 MiB): a block of ~K rows is the cheapest per row, but for wide
     * readout sets and long delay ranges it is capped so that memory stays near the cross moments' own p·(K+1).
     * The same budget bounds the summed spectra of {@link DelayCorrelation} (p·n doubles for transforms of size n).
     */
    static final int MAX_BLOCK_DOUBLES = 8 << 20;
    /** Features per step of the transposing copy: one cache line of a chunk's row. */
    private static final int TRANSPOSE_GROUP = 8;
    private final int p;
    private final int maxDelay;
    private final int capacity;
    private final DelayCorrelation correlation;
    private final int threads;
    /** The held block's features, feature-major: sample r of feature i at i · capacity + r. */
    private final double[] x;
    private final double[] segment;
    private int rows;
    private boolean started;

    DelayedCrossBuffer(int p, int maxDelay, int minBlockRows, int threads) {
        this(p, maxDelay, minBlockRows, MAX_BLOCK_DOUBLES, threads);
    }

    DelayedCrossBuffer(int p, int maxDelay, int minBlockRows, int maxBlockDoubles, int threads) {
        this.p = p;
        this.maxDelay = maxDelay;
        this.capacity = Math.min(DelayCorrelation.blockRows(maxDelay, minBlockRows),
                Math.max(minBlockRows, maxBlockDoubles / Math.max(1, p)));
        this.threads = threads;
        this.correlation = new DelayCorrelation(maxDelay, capacity, threads, p, maxBlockDoubles);
        this.x = new double[capacity * p];
        this.segment = new double[capacity + maxDelay];
    }

    /** Appends a chunk: x rows × p (already shifted), y rows × (K + 1) delayed inputs; flushes into s when full. */
    void append(double[] xChunk, double[] y, int chunkRows, double[] s) {
        int m = maxDelay + 1;
        // The inputs the rows see, u(t0 − K) … u(t0 + rows − 1): row 0 holds the first K + 1, each further row one more.
        double[] history = new double[maxDelay + chunkRows];
        for (int j = 0; j <= maxDelay; j++) {
            history[j] = y[maxDelay - j];
        }
        for (int r = 1; r < chunkRows; r++) {
            history[maxDelay + r] = y[r * m];
        }
        appendInputs(xChunk, history, maxDelay, chunkRows, s);
    }

    /**
     * Appends a chunk whose delayed inputs are read from the input history, u(t_r − k) = {@code u[offset + r − k]},
     * without a rows × (K + 1) matrix of them; flushes into s when full.
     */
    void appendInputs(double[] xChunk, double[] u, int offset, int chunkRows, double[] s) {
        if (started) {
            // The new chunk's history must be the inputs already held: u(t0 − k) = segment[rows + K − k].
            for (int k = 1; k <= maxDelay; k++) {
                if (u[offset - k] != segment[rows + maxDelay - k]) {
                    throw new IllegalStateException("delayed-input chunks are not consecutive (delay " + k + ")");
                }
            }
        }
        if (rows + chunkRows > capacity) {
            flush(s);
        }
        if (chunkRows > capacity) {
            throw new IllegalArgumentException("a chunk of " + chunkRows + " rows exceeds the block of " + capacity);
        }
        if (rows == 0) {
            System.arraycopy(u, offset - maxDelay, segment, 0, maxDelay + 1); // u(t0 − K) … u(t0)
        }
        System.arraycopy(u, offset, segment, maxDelay + rows, chunkRows);
        transposeInto(xChunk, chunkRows);
        rows += chunkRows;
        started = true;
    }

    /**
     * Copies the chunk's rows into the held block feature by feature (x[i · capacity + r]), so that the transforms
     * read each feature's samples in sequence: read from row-major rows, every sample of a pair of features would be
     * a separate cache line. Eight features, one cache line of a chunk row, are moved at a time.
     */
    private void transposeInto(double[] xChunk, int chunkRows) {
        int groups = (p + TRANSPOSE_GROUP - 1) / TRANSPOSE_GROUP;
        int parts = ParallelRanges.threadsFor((long) chunkRows * p, threads);
        ParallelRanges.claim(parts, groups, () -> null, (none, g) -> {
            int i0 = g * TRANSPOSE_GROUP;
            int i1 = Math.min(p, i0 + TRANSPOSE_GROUP);
            for (int r = 0; r < chunkRows; r++) {
                int src = r * p;
                int dst = rows + r;
                for (int i = i0; i < i1; i++) {
                    x[i * capacity + dst] = xChunk[src + i];
                }
            }
        });
    }

    /**
     * Adds the held block's cross moments to s, possibly through summed spectra that only {@link #finish} turns into
     * sums, and empties the block (the segment's tail is kept for continuity).
     */
    void flush(double[] s) {
        if (rows == 0) {
            return;
        }
        correlation.accumulate(x, capacity, rows, p, segment, s);
        System.arraycopy(segment, rows, segment, 0, maxDelay);
        rows = 0;
    }

    /**
     * Ends the current segment of consecutive chunks (an input stream ends): flushes the held block, after which the
     * next chunk starts a new segment with its own input history instead of continuing this one.
     */
    void endSegment(double[] s) {
        flush(s);
        started = false;
    }

    /** Flushes the held block and turns any summed spectra into sums in s: s is then complete. */
    void finish(double[] s) {
        flush(s);
        correlation.drainInto(s);
    }
}
