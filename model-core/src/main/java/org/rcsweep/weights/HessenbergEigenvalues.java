package org.rcsweep.weights;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.hessenberg.HessenbergSimilarDecomposition_DDRM;

/**
 * Eigenvalues (no eigenvectors) of a general real square matrix: Householder reduction to upper Hessenberg form
 * (EJML), then Francis double-shift QR iterations on the active window only (the EISPACK {@code hqr} scheme, as in
 * Numerical Recipes §11.6), with an exceptional shift after every 10 iterations without a deflation.
 *
 * <p>Why not EJML's general eigenvalue decomposition: it spends most of its time after the Hessenberg reduction,
 * while this QR phase touches only the rows and columns that an eigenvalue-only iteration needs (columns k…nn of
 * the active window for the row transforms, rows l…k+3 for the column transforms) and so takes a fraction of that
 * time. Every operation is plain IEEE double arithmetic in a fixed order, so the eigenvalues have the same bits on
 * every machine.
 */
public final class HessenbergEigenvalues {
    /** Iterations without a deflation before the matrix is declared non-convergent (exceptional shifts at 10, 20, …). */
    static final int MAX_ITERATIONS = 60;

    private HessenbergEigenvalues() {
    }

    /**
     * The eigenvalues of the n × n row-major matrix (not modified), as {re, im}; complex pairs are adjacent.
     *
     * @throws ArithmeticException if the QR iteration does not converge or the matrix holds a non-finite entry
     */
    public static double[][] of(double[] rowMajor, int n) {
        for (double v : rowMajor) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("cannot compute eigenvalues of a matrix with entry " + v);
            }
        }
        double[] re = new double[n];
        double[] im = new double[n];
        if (n == 0) {
            return new double[][]{re, im};
        }
        HessenbergSimilarDecomposition_DDRM hessenberg = new HessenbergSimilarDecomposition_DDRM(n);
        if (!hessenberg.decompose(DMatrixRMaj.wrap(n, n, rowMajor.clone()))) {
            throw new ArithmeticException("Hessenberg reduction failed for an " + n + "x" + n + " matrix");
        }
        double[] h = hessenberg.getH(null).data;
        qr(h, n, re, im);
        return new double[][]{re, im};
    }

    /** Francis double-shift QR on the upper Hessenberg h (destroyed), writing eigenvalues to re/im. */
    static void qr(double[] h, int n, double[] re, double[] im) {
        double norm = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(i - 1, 0); j < n; j++) {
                norm += Math.abs(h[i * n + j]);
            }
        }
        int nn = n - 1;
        double shift = 0.0;
        while (nn >= 0) {
            int its = 0;
            int l;
            do {
                // find a negligible subdiagonal element: the active window is rows/columns l…nn
                for (l = nn; l >= 1; l--) {
                    double s = Math.abs(h[(l - 1) * n + l - 1]) + Math.abs(h[l * n + l]);
                    if (s == 0.0) {
                        s = norm;
                    }
                    if (Math.abs(h[l * n + l - 1]) + s == s) {
                        h[l * n + l - 1] = 0.0;
                        break;
                    }
                }
                double x = h[nn * n + nn];
                if (l == nn) { // one real root
                    re[nn] = x + shift;
                    im[nn] = 0.0;
                    nn--;
                } else {
                    double y = h[(nn - 1) * n + nn - 1];
                    double w = h[nn * n + nn - 1] * h[(nn - 1) * n + nn];
                    if (l == nn - 1) { // a 2 × 2 block: two roots
                        double p = 0.5 * (y - x);
                        double q = p * p + w;
                        double z = Math.sqrt(Math.abs(q));
                        x += shift;
                        if (q >= 0.0) {
                            z = p + Math.copySign(z, p);
                            re[nn - 1] = x + z;
                            re[nn] = z != 0.0 ? x - w / z : x + z;
                            im[nn - 1] = 0.0;
                            im[nn] = 0.0;
                        } else {
                            re[nn - 1] = x + p;
                            re[nn] = x + p;
                            im[nn - 1] = -z;
                            im[nn] = z;
                        }
                        nn -= 2;
                    } else {
                        if (its == MAX_ITERATIONS) {
                            throw new ArithmeticException("QR iteration did not converge for an " + n + "x" + n
                                    + " matrix (" + MAX_ITERATIONS + " iterations without deflation at row " + nn + ")");
                        }
                        if (its > 0 && its % 10 == 0) { // exceptional shift
                            shift += x;
                            for (int i = 0; i <= nn; i++) {
                                h[i * n + i] -= x;
                            }
                            double s = Math.abs(h[nn * n + nn - 1]) + Math.abs(h[(nn - 1) * n + nn - 2]);
                            x = 0.75 * s;
                            y = x;
                            w = -0.4375 * s * s;
                        }
                        its++;
                        sweep(h, n, l, nn, x, y, w);
                    }
                }
            } while (l < nn - 1);
        }
    }

    /** One double-shift QR sweep on the window l…nn with shifts given by x, y, w (the trailing 2 × 2 block). */
    private static void sweep(double[] h, int n, int l, int nn, double x, double y, double w) {
        // look for two consecutive small subdiagonal elements, to start the bulge as low as possible
        int m;
        double p = 0;
        double q = 0;
        double r = 0;
        for (m = nn - 2; m >= l; m--) {
            double z = h[m * n + m];
            r = x - z;
            double s = y - z;
            p = (r * s - w) / h[(m + 1) * n + m] + h[m * n + m + 1];
            q = h[(m + 1) * n + m + 1] - z - r - s;
            r = h[(m + 2) * n + m + 1];
            s = Math.abs(p) + Math.abs(q) + Math.abs(r);
            p /= s;
            q /= s;
            r /= s;
            if (m == l) {
                break;
            }
            double u = Math.abs(h[m * n + m - 1]) * (Math.abs(q) + Math.abs(r));
            double v = Math.abs(p) * (Math.abs(h[(m - 1) * n + m - 1]) + Math.abs(z) + Math.abs(h[(m + 1) * n + m + 1]));
            if (u + v == v) {
                break;
            }
        }
        for (int i = m + 2; i <= nn; i++) {
            h[i * n + i - 2] = 0.0;
            if (i != m + 2) {
                h[i * n + i - 3] = 0.0;
            }
        }
        for (int k = m; k <= nn - 1; k++) {
            double scale = 0;
            if (k != m) {
                p = h[k * n + k - 1];
                q = h[(k + 1) * n + k - 1];
                r = k != nn - 1 ? h[(k + 2) * n + k - 1] : 0.0;
                scale = Math.abs(p) + Math.abs(q) + Math.abs(r);
                if (scale != 0.0) {
                    p /= scale;
                    q /= scale;
                    r /= scale;
                }
            }
            double s = Math.copySign(Math.sqrt(p * p + q * q + r * r), p);
            if (s == 0.0) {
                continue;
            }
            if (k == m) {
                if (l != m) {
                    h[k * n + k - 1] = -h[k * n + k - 1];
                }
            } else {
                h[k * n + k - 1] = -s * scale;
            }
            p += s;
            double hx = p / s;
            double hy = q / s;
            double hz = r / s;
            q /= p;
            r /= p;
            boolean three = k != nn - 1;
            int rk = k * n;
            int rk1 = rk + n;
            int rk2 = rk1 + n;
            for (int j = k; j <= nn; j++) { // row transform, columns of the active window only
                double t = h[rk + j] + q * h[rk1 + j];
                if (three) {
                    t += r * h[rk2 + j];
                    h[rk2 + j] -= t * hz;
                }
                h[rk1 + j] -= t * hy;
                h[rk + j] -= t * hx;
            }
            int last = Math.min(nn, k + 3);
            for (int i = l; i <= last; i++) { // column transform, rows of the active window only
                int o = i * n + k;
                double t = hx * h[o] + hy * h[o + 1];
                if (three) {
                    t += hz * h[o + 2];
                    h[o + 2] -= t * r;
                }
                h[o + 1] -= t * q;
                h[o] -= t;
            }
        }
    }
}
