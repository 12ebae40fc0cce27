package org.rcsweep.fit;

/** Student's t quantile for two-sided 95% intervals. */
public final class StudentT {
    private StudentT() {
    }

    /** The 0.975 quantile with ν degrees of freedom (exact for ν ≤ 2, Cornish–Fisher beyond: error 3e-3 at ν = 5). */
    public static double quantile975(int nu) {
        if (nu < 1) {
            return Double.NaN;
        }
        if (nu == 1) {
            return 12.706204736174707;
        }
        if (nu == 2) {
            return 4.302652729749464;
        }
        double z = 1.959963984540054;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        return z + (z3 + z) / (4.0 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * nu * nu)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384.0 * nu * nu * nu);
    }
}
