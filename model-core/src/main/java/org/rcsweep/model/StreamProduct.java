package org.rcsweep.model;

import org.rcsweep.stats.TransposeProduct;

/**
 * H = W·X for S input streams at once: W an N × N matrix with aligned rows, X and H N × P row-major (neuron i's
 * P stream values contiguous, P = S rounded up to a multiple of four). Each entry is one fused multiply–add chain
 * over j = 0 … N − 1 in order, so the SIMD path (four streams per instruction, several rows per pass so that each
 * load of X serves them all) and the scalar path give the same bits, for any split of the rows among threads.
 */
final class StreamProduct {
    private StreamProduct() {
    }

    /** Streams padded to whole SIMD vectors. */
    static int padded(int streams) {
        return (streams + 3) & ~3;
    }

    /** h[i·p + c] = Σ_j W_ij·x[j·p + c] for lo ≤ i &lt; hi and 0 ≤ c &lt; p. */
    static void product(AlignedRows w, double[] x, int p, double[] h, int lo, int hi) {
        if (TransposeProduct.VECTORISED && p % 4 == 0) {
            VectorStreamProduct.product(w.data(), w.offset(), w.stride(), w.size(), x, p, h, lo, hi);
            return;
        }
        scalar(w.data(), w.offset(), w.stride(), w.size(), x, p, h, lo, hi);
    }

    static void scalar(double[] a, int offset, int stride, int n, double[] x, int p, double[] h, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            int o = offset + i * stride;
            for (int c = 0; c < p; c++) {
                double acc = 0.0;
                for (int j = 0; j < n; j++) {
                    acc = Math.fma(a[o + j], x[j * p + c], acc);
                }
                h[i * p + c] = acc;
            }
        }
    }
}
