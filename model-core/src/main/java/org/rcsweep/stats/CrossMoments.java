package org.rcsweep.stats;

import org.ejml.data.DMatrixRMaj;
import org.rcsweep.parallel.ParallelRanges;

/**
 * Streaming second moments of features x (p) and targets y (m): the centred Gram Σ(x−x̄)(x−x̄)ᵀ, the centred cross
 * moments Σ(x−x̄)(y−ȳ)ᵀ and the centred sums of squares of y, accumulated chunk by chunk in O(p² + p·m) memory.
 *
 * <p>Features are shifted by the mean of the first chunk before their products are summed: raw sums with a large
 * mean would lose digits to cancellation when the mean is removed at the end (the shifted-data algorithm).
 */
public final class CrossMoments {
    private final int p;
    private final int m;
    private final double[] shift;
    /** Σ x xᵀ of the shifted features, upper triangle, in the layout the streamed update walks in sequence. */
    private final PanelMatrix sxx;
    private final DMatrixRMaj sxy;
    private final double[] sx;
    private final double[] sy;
    private final double[] syy;
    private final DelayedCrossBuffer delayed;
    /** Threads of the Gram update and of the delayed-input transforms (the results do not depend on it). */
    private final int threads;
    private long count;

    public CrossMoments(int features, int targets) {
        this(features, targets, null, 1);
    }

    /**
     * Moments whose targets are the delayed inputs u(t−k), k = 0..maxDelay, of consecutive chunks (memory capacity):
     * their cross moments are computed by FFT in blocks of at least {@code minBlockRows} rows
     * ({@link DelayCorrelation}), which for long delay ranges is far cheaper than the matrix product.
     */
    public static CrossMoments forDelayedInputs(int features, int maxDelay, int minBlockRows) {
        return forDelayedInputs(features, maxDelay, minBlockRows, DelayedCrossBuffer.MAX_BLOCK_DOUBLES, 1);
    }

    /** As {@link #forDelayedInputs(int, int, int)} with the transforms of each block spread over threads. */
    public static CrossMoments forDelayedInputs(int features, int maxDelay, int minBlockRows, int threads) {
        return forDelayedInputs(features, maxDelay, minBlockRows, DelayedCrossBuffer.MAX_BLOCK_DOUBLES, threads);
    }

    /** With a cap on the held block (smaller in tests of short blocks). */
    static CrossMoments forDelayedInputs(int features, int maxDelay, int minBlockRows, int maxBlockDoubles,
                                         int threads) {
        return new CrossMoments(features, maxDelay + 1,
                new DelayedCrossBuffer(features, maxDelay, minBlockRows, maxBlockDoubles, threads), threads);
    }

    private CrossMoments(int features, int targets, DelayedCrossBuffer delayed, int threads) {
        this.delayed = delayed;
        this.threads = threads;
        this.p = features;
        this.m = targets;
        this.shift = new double[p];
        this.sxx = new PanelMatrix(p);
        this.sxy = new DMatrixRMaj(p, m);
        this.sx = new double[p];
        this.sy = new double[m];
        this.syy = new double[m];
    }

    /**
     * Adds a chunk. {@code x} is rows × p and {@code y} rows × m (row-major); x is shifted in place, so the caller
     * must not reuse its values.
     */
    public void add(DMatrixRMaj x, DMatrixRMaj y) {
        int rows = x.numRows;
        if (x.numCols != p || y.numCols != m || y.numRows != rows) {
            throw new IllegalArgumentException("chunk shapes " + x.numRows + "x" + x.numCols + " and " + y.numRows
                    + "x" + y.numCols + " do not match " + p + " features and " + m + " targets");
        }
        if (rows == 0) {
            return;
        }
        shiftAndSumAll(x, y.data, 0, m);
        sxx.symmetricRankUpdate(x.data, rows, threads);
        if (delayed != null) {
            delayed.append(x.data, y.data, rows, sxy.data);
        } else {
            TransposeProduct.multAddTransA(x.data, rows, p, y.data, m, sxy.data);
        }
        count += rows;
    }

    /**
     * Ends a segment of consecutive delayed-input chunks: the next chunk may come from another input stream (its own
     * history), and no product ever pairs a state of one stream with an input of another. Plain moments hold no
     * segment: nothing happens.
     */
    public void endSegment() {
        if (delayed != null) {
            delayed.endSegment(sxy.data);
        }
    }

    /**
     * Adds a chunk whose targets are the delayed inputs u(t_r − k), k = 0 … targets − 1, read from the input history:
     * {@code u[offset + r − k]} for row r. The same sums, in the same order, as {@link #add} with the matrix
     * y[r][k] = u[offset + r − k]; moments {@link #forDelayedInputs} never build that matrix (rows × (K + 1) doubles
     * per chunk, most of a memory point's sink time besides the products). x is shifted in place.
     */
    public void addDelayedInputs(DMatrixRMaj x, double[] u, int offset) {
        int rows = x.numRows;
        if (x.numCols != p) {
            throw new IllegalArgumentException("a chunk of " + x.numCols + " features for " + p);
        }
        if (offset - (m - 1) < 0 || offset + rows > u.length) {
            throw new IllegalArgumentException("the input history does not reach " + (m - 1) + " steps back");
        }
        if (delayed == null) {
            DMatrixRMaj y = new DMatrixRMaj(rows, m);
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < m; k++) {
                    y.data[r * m + k] = u[offset + r - k];
                }
            }
            add(x, y);
            return;
        }
        if (rows == 0) {
            return;
        }
        // The chunk's inputs newest first, so that row r's targets u(t_r − k), k = 0, 1, …, are consecutive and
        // ascending: the loop over k then runs in SIMD registers (read descending it would run one value at a time).
        int span = rows + m - 1;
        double[] newestFirst = new double[span];
        for (int i = 0; i < span; i++) {
            newestFirst[i] = u[offset + rows - 1 - i];
        }
        shiftAndSumAll(x, newestFirst, rows - 1, -1);
        sxx.symmetricRankUpdate(x.data, rows, threads);
        delayed.appendInputs(x.data, u, offset, rows, sxy.data);
        count += rows;
    }

    /**
     * Shifts and sums the chunk's features ({@link #shiftAndSum}) and sums its targets ({@link #sumTargets}), each
     * thread over its own columns of both: every sum keeps its order over rows, so the threads change no bits. On
     * one thread these passes would leave the other cores idle for about a tenth of a memory point's accumulation.
     */
    private void shiftAndSumAll(DMatrixRMaj x, double[] values, int first, int rowStep) {
        int rows = x.numRows;
        int parts = ParallelRanges.threadsFor((long) rows * (p + m), threads);
        ParallelRanges.claim(parts, parts, () -> null, (none, t) -> {
            shiftAndSum(x, (int) ((long) p * t / parts), (int) ((long) p * (t + 1) / parts));
            sumTargets(values, first, rowStep, rows, (int) ((long) m * t / parts), (int) ((long) m * (t + 1) / parts));
        });
    }

    /**
     * Adds targets k0 ≤ k &lt; k1 of the chunk to their sums and sums of squares, row by row: row r's m targets are
     * consecutive in {@code values} from {@code first + r · rowStep}.
     */
    private void sumTargets(double[] values, int first, int rowStep, int rows, int k0, int k1) {
        for (int r = 0; r < rows; r++) {
            int o = first + r * rowStep;
            int k = TransposeProduct.VECTORISED ? VectorSums.sumsAndSquares(values, o, sy, syy, k0, k1) : k0;
            for (; k < k1; k++) {
                double v = values[o + k];
                sy[k] += v;
                syy[k] += v * v;
            }
        }
    }

    /**
     * Shifts features j0 ≤ j &lt; j1 of x by the first chunk's means (for accuracy of the sums) and adds them to the
     * feature sums.
     */
    private void shiftAndSum(DMatrixRMaj x, int j0, int j1) {
        int rows = x.numRows;
        double[] xd = x.data;
        if (count == 0) {
            for (int r = 0; r < rows; r++) {
                for (int j = j0; j < j1; j++) {
                    shift[j] += xd[r * p + j];
                }
            }
            for (int j = j0; j < j1; j++) {
                shift[j] /= rows;
            }
        }
        for (int r = 0; r < rows; r++) {
            int o = r * p;
            int j = TransposeProduct.VECTORISED ? VectorSums.shiftAndSum(xd, o, shift, sx, j0, j1) : j0;
            for (; j < j1; j++) {
                double v = xd[o + j] - shift[j];
                xd[o + j] = v;
                sx[j] += v;
            }
        }
    }

    public long count() {
        return count;
    }

    public int features() {
        return p;
    }

    public int targets() {
        return m;
    }

    /** Σ(x−x̄)(x−x̄)ᵀ, p × p (a new matrix). */
    public DMatrixRMaj centredGram() {
        DMatrixRMaj g = DMatrixRMaj.wrap(p, p, sxx.toSymmetricRowMajor());
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                g.data[i * p + j] -= sx[i] * sx[j] / count;
            }
        }
        return g;
    }

    /** Σ(x−x̄)(y−ȳ)ᵀ, p × m (a new matrix). */
    public DMatrixRMaj centredCross() {
        if (delayed != null) {
            delayed.finish(sxy.data);
        }
        DMatrixRMaj c = sxy.copy();
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < m; k++) {
                c.data[i * m + k] -= sx[i] * sy[k] / count;
            }
        }
        return c;
    }

    /** Σ(y−ȳ)² per target. */
    public double[] centredTargetSquares() {
        double[] v = new double[m];
        for (int k = 0; k < m; k++) {
            v[k] = syy[k] - sy[k] * sy[k] / count;
        }
        return v;
    }
}
