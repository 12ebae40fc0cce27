package org.rcsweep.stats;

import org.ejml.data.DMatrixRMaj;

/**
 * Correlation statistics of the first L readout neurons, from their covariance (or centred Gram) matrix: mean |ρ_ij|
 * and rms ρ_ij over pairs i ≠ j, and the participation ratio (Σλ)²/Σλ² = (tr C)²/‖C‖_F² of the covariance, which
 * needs no eigendecomposition.
 */
public record ReadoutCorrelations(int readouts, double meanAbs, double rms, double participationRatio)
        implements java.io.Serializable {

    /** Statistics for each requested L (nested prefixes of the matrix's index order), in O(L_max²). */
    public static ReadoutCorrelations[] nested(DMatrixRMaj cov, int[] readouts) {
        int lMax = readouts[readouts.length - 1];
        int p = cov.numCols;
        double[] sd = FeatureScales.standardDeviations(cov, lMax);
        ReadoutCorrelations[] out = new ReadoutCorrelations[readouts.length];
        double sumAbs = 0;
        double sumSq = 0;
        double trace = 0;
        double frob = 0;
        int next = 0;
        for (int l = 1; l <= lMax; l++) {
            int i = l - 1;
            double cii = cov.data[i * p + i];
            trace += cii;
            frob += cii * cii;
            for (int j = 0; j < i; j++) {
                double cij = cov.data[i * p + j];
                frob += 2 * cij * cij;
                double rho = sd[i] > 0 && sd[j] > 0 ? cij / (sd[i] * sd[j]) : 0.0;
                sumAbs += Math.abs(rho);
                sumSq += rho * rho;
            }
            if (l == readouts[next]) {
                double pairs = l * (l - 1) / 2.0;
                double meanAbs = pairs > 0 ? sumAbs / pairs : Double.NaN;
                double rms = pairs > 0 ? Math.sqrt(sumSq / pairs) : Double.NaN;
                double pr = frob > 0 ? trace * trace / frob : Double.NaN;
                out[next++] = new ReadoutCorrelations(l, meanAbs, rms, pr);
            }
        }
        return out;
    }
}
