package org.rcsweep.stats;

/**
 * The right operand B of C += AᵀB for a block of columns whose rows become known one batch at a time, as the solved
 * rows of a triangular solve do: each row is copied once, when it is set, into column groups of eight (contiguous
 * capacity × 8 strips, the last group padded with zeros), and every later product reads a prefix of the rows from
 * there: about 256·l copies per 256-column tile, where repacking the rows solved so far for every 64-row block of a
 * solve would copy about 2l².
 *
 * <p>A working buffer: one per thread, reused from tile to tile.
 */
public final class PackedRows {
    static final int GROUP = 8;
    private final int capacity;
    private final int maxWidth;
    private final double[] data;
    private int width;

    /** A buffer for up to {@code capacity} rows of up to {@code maxWidth} columns. */
    public PackedRows(int capacity, int maxWidth) {
        this.capacity = capacity;
        this.maxWidth = maxWidth;
        this.data = new double[(maxWidth + GROUP - 1) / GROUP * GROUP * capacity];
    }

    /** Starts a new block of {@code width} columns; rows must be set again before they are used. */
    public void reset(int width) {
        if (width < 0 || width > maxWidth) {
            throw new IllegalArgumentException("width must be in [0, " + maxWidth + "], got " + width);
        }
        this.width = width;
    }

    /**
     * Copies rows r0 … r1 − 1 of the block: row r is {@code width} values of {@code b} from
     * {@code offset + r · stride}.
     */
    public void set(double[] b, int offset, int stride, int r0, int r1) {
        if (r0 < 0 || r1 > capacity) {
            throw new IllegalArgumentException("rows [" + r0 + ", " + r1 + ") outside [0, " + capacity + ")");
        }
        // Row by row, so that each source row (a stride of a whole matrix row from the next) is read in one sweep.
        int full = width - width % GROUP;
        for (int r = r0; r < r1; r++) {
            int src = offset + r * stride;
            int dst = r * GROUP;
            for (int j0 = 0; j0 < full; j0 += GROUP) {
                int d = dst + j0 * capacity;
                int o = src + j0;
                data[d] = b[o];
                data[d + 1] = b[o + 1];
                data[d + 2] = b[o + 2];
                data[d + 3] = b[o + 3];
                data[d + 4] = b[o + 4];
                data[d + 5] = b[o + 5];
                data[d + 6] = b[o + 6];
                data[d + 7] = b[o + 7];
            }
            if (full < width) {
                int d = dst + full * capacity;
                for (int q = 0; q < GROUP; q++) {
                    data[d + q] = full + q < width ? b[src + full + q] : 0.0;
                }
            }
        }
    }

    int width() {
        return width;
    }

    int capacity() {
        return capacity;
    }

    double[] data() {
        return data;
    }

    /** Entry (r, j) of the block. */
    double get(int r, int j) {
        return data[(j / GROUP) * GROUP * capacity + r * GROUP + j % GROUP];
    }
}
