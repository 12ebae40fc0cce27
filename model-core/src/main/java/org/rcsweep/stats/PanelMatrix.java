package org.rcsweep.stats;

/**
 * A square p × p matrix stored by column panels of {@link TransposeProduct#PANEL} columns: panel q holds columns
 * [q·PANEL, (q + 1)·PANEL), its rows one after another (entry (i, j) at q·p·PANEL + i·PANEL + j mod PANEL; the last
 * panel padded to full width). The streamed Gram update C += AᵀA walks C panel by panel and, within a panel, row
 * block by row block: in this layout that walk is one sequential stream, which the hardware prefetcher follows,
 * where in row-major order every six-row block starts on six new rows a whole matrix row apart, each a cache miss
 * once the simulation between chunks has pushed C out of the caches.
 */
final class PanelMatrix {
    private final int p;
    private final double[] data;
    /** The kernel's packed copy of each chunk, kept: allocated per chunk it would be a 2 MB array every 256 steps. */
    private double[] packed = new double[0];

    PanelMatrix(int p) {
        this.p = p;
        int panels = (p + TransposeProduct.PANEL - 1) / TransposeProduct.PANEL;
        this.data = new double[Math.max(1, panels) * p * TransposeProduct.PANEL];
    }

    /** Entries j ≥ i += AᵀA for A of rows × p, row-major (entries below the diagonal: partial sums of no meaning). */
    void symmetricRankUpdate(double[] a, int rows, int threads) {
        if (packed.length < rows * p) {
            packed = new double[rows * p];
        }
        TransposeProduct.symmetricRankUpdatePanels(a, rows, p, data, threads, packed);
    }

    /** The upper triangle in row-major order, mirrored onto the lower one: a new p × p array. */
    double[] toSymmetricRowMajor() {
        int panel = TransposeProduct.PANEL;
        double[] out = new double[p * p];
        for (int j0 = 0; j0 < p; j0 += panel) {
            int width = Math.min(panel, p - j0);
            int base = (j0 / panel) * p * panel;
            for (int i = 0; i < p; i++) {
                System.arraycopy(data, base + i * panel, out, i * p + j0, width);
            }
        }
        TransposeProduct.mirrorUpper(out, p);
        return out;
    }
}
