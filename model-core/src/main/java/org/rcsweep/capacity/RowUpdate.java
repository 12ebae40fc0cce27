package org.rcsweep.capacity;

import org.rcsweep.stats.TransposeProduct;

/**
 * The in-block step of the blocked Cholesky factorisation and triangular solves: one row of a row-major matrix minus
 * multiples of earlier rows, a[t, c] −= f_k · a[k, c] for k = first … last − 1 in that order, skipping zero
 * multipliers, for columns c0 ≤ c &lt; c1. Each entry gets the same rounded product and subtraction, in the same
 * order, as the scalar loop {@code a[t][c] -= f * a[k][c]}, so both paths give the same bits.
 *
 * <p>Why a class of its own: the scalar loop reads and writes the same array at two row offsets the JIT cannot tell
 * apart, so it does not vectorise it, and it stores the target row once per source row. The SIMD path
 * ({@link VectorRowUpdate}) keeps 32 columns of the target in registers while it runs through all the source rows.
 */
final class RowUpdate {
    private RowUpdate() {
    }

    /**
     * @param a          the matrix, row stride {@code stride}
     * @param target     the row updated
     * @param first      first source row
     * @param last       one past the last source row (all of them before {@code target})
     * @param f          multipliers: the one of source row k is f[fOffset + (k − first)·fStride]
     */
    static void subtract(double[] a, int stride, int target, int first, int last, double[] f, int fOffset,
                         int fStride, int c0, int c1) {
        int done = c0;
        if (TransposeProduct.VECTORISED) {
            done = VectorRowUpdate.subtract(a, stride, target, first, last, f, fOffset, fStride, c0, c1);
        }
        if (done < c1) {
            scalar(a, stride, target, first, last, f, fOffset, fStride, done, c1);
        }
    }

    /** The scalar path for columns c0 ≤ c &lt; c1 (same bits as the SIMD path). */
    static void scalar(double[] a, int stride, int target, int first, int last, double[] f, int fOffset,
                       int fStride, int c0, int c1) {
        int ot = target * stride;
        for (int k = first; k < last; k++) {
            double fk = f[fOffset + (k - first) * fStride];
            if (fk != 0.0) {
                int ok = k * stride;
                for (int c = c0; c < c1; c++) {
                    a[ot + c] -= fk * a[ok + c];
                }
            }
        }
    }
}
