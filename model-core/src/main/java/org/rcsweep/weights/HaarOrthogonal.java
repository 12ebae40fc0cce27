package org.rcsweep.weights;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.rcsweep.random.Rng;

/**
 * A Haar-distributed random orthogonal matrix: Q of the QR decomposition of a Gaussian matrix, with column signs
 * fixed by the signs of R's diagonal (Mezzadri 2007) so the distribution is exactly uniform on O(N).
 */
public final class HaarOrthogonal {
    private HaarOrthogonal() {
    }

    public static double[] sample(int n, Rng rng) {
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            g.data[i] = rng.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(g)) {
            throw new ArithmeticException("QR decomposition failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        for (int j = 0; j < n; j++) {
            if (r.get(j, j) < 0) {
                for (int i = 0; i < n; i++) {
                    q.set(i, j, -q.get(i, j));
                }
            }
        }
        return q.data;
    }
}
