package org.rcsweep.model;

/**
 * A square row-major matrix stored so that, in a large matrix, every row starts on a 32-byte boundary: the 256-bit
 * loads of the row products then never straddle two cache lines, as half of them do from rows 16 bytes off the
 * boundary, which is where a plain {@code double[]} puts them.
 *
 * <p>Java does not say where an array lies, but G1 (the JVM's default collector) places an array larger than half a
 * heap region (W from N ≈ 360 on, with a 4 GiB heap's 2 MiB regions) at the start of a region; its first element
 * then lies one array header past a region boundary. The rows therefore start {@link #offset} elements in, with
 * {@link #stride} (n rounded up to a multiple of four) between row starts. Where the array is not so placed (a small
 * matrix, another collector) the layout costs a few padding elements and changes nothing else. The values, and so
 * every row's sum, are the matrix's own: only where they lie changes.
 */
final class AlignedRows {
    static final int ALIGNMENT_BYTES = 32;
    /** Bytes from an array's start to its first element (the header), as this JVM lays arrays out. */
    @SuppressWarnings("removal")
    static final int HEADER_BYTES = sun.misc.Unsafe.ARRAY_DOUBLE_BASE_OFFSET;

    private final double[] data;
    private final int n;
    private final int offset;
    private final int stride;

    private AlignedRows(double[] data, int n, int offset, int stride) {
        this.data = data;
        this.n = n;
        this.offset = offset;
        this.stride = stride;
    }

    /** A copy of the n × n row-major matrix {@code rowMajor}, laid out with aligned row starts. */
    static AlignedRows of(double[] rowMajor, int n) {
        if (rowMajor.length != n * n) {
            throw new IllegalArgumentException("expected " + n + " × " + n + " entries, got " + rowMajor.length);
        }
        int offset = paddingElements(HEADER_BYTES);
        int stride = (n + 3) & ~3;
        double[] data = new double[offset + n * stride];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rowMajor, i * n, data, offset + i * stride, n);
        }
        return new AlignedRows(data, n, offset, stride);
    }

    /** Elements to skip after a header of {@code headerBytes} so that the next element starts on the alignment. */
    static int paddingElements(int headerBytes) {
        return Math.floorMod(-headerBytes, ALIGNMENT_BYTES) / Double.BYTES;
    }

    /** The array holding the rows; row i occupies {@code data()[rowOffset(i) .. rowOffset(i) + n)}. */
    double[] data() {
        return data;
    }

    int size() {
        return n;
    }

    /** Index of row i's first entry in {@link #data}. */
    int rowOffset(int i) {
        return offset + i * stride;
    }

    int offset() {
        return offset;
    }

    int stride() {
        return stride;
    }

    /** The matrix as a plain row-major n × n array (a copy). */
    double[] toRowMajor() {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data, rowOffset(i), out, i * n, n);
        }
        return out;
    }
}
