package org.rcsweep.ipc;

/**
 * Quantiles of the χ² distribution, from the regularised lower incomplete gamma function (series and continued
 * fraction, as in Numerical Recipes §6.2) inverted by bisection: the spurious-capacity threshold needs
 * χ²⁻¹_L(1−p) for L up to thousands and p down to 1e-12.
 */
public final class ChiSquare {
    private ChiSquare() {
    }

    /** The x with P(χ²_df ≤ x) = probability. */
    public static double quantile(int df, double probability) {
        if (df < 1 || !(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("df ≥ 1 and 0 < probability < 1 required");
        }
        double lo = 0;
        double hi = Math.max(1.0, df);
        while (cdf(df, hi) < probability) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(df, mid) < probability) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    public static double cdf(int df, double x) {
        return x <= 0 ? 0.0 : regularizedGammaP(df / 2.0, x / 2.0);
    }

    static double regularizedGammaP(double a, double x) {
        if (x < a + 1) {
            double sum = 1.0 / a;
            double term = sum;
            for (int n = 1; n < 10_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return sum * StrictMath.exp(-x + a * StrictMath.log(x) - logGamma(a));
        }
        // Lentz's continued fraction for Q(a, x).
        double b = x + 1 - a;
        double c = 1.0 / Double.MIN_NORMAL;
        double d = 1.0 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < Double.MIN_NORMAL) {
                d = Double.MIN_NORMAL;
            }
            c = b + an / c;
            if (Math.abs(c) < Double.MIN_NORMAL) {
                c = Double.MIN_NORMAL;
            }
            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return 1.0 - StrictMath.exp(-x + a * StrictMath.log(x) - logGamma(a)) * h;
    }

    /** Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for a &gt; 0. */
    static double logGamma(double a) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (a < 0.5) {
            return StrictMath.log(Math.PI / Math.abs(StrictMath.sin(Math.PI * a))) - logGamma(1 - a);
        }
        double x = c[0];
        double z = a - 1;
        for (int i = 1; i < 9; i++) {
            x += c[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * StrictMath.log(2 * Math.PI) + (z + 0.5) * StrictMath.log(t) - t + StrictMath.log(x);
    }
}
