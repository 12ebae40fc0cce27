package org.rcsweep.fit;

/**
 * MC = M·L/(L + L½): capacity saturating at M, half of it reached at L½. Least squares by Levenberg–Marquardt on
 * (ln M, ln L½) — positive by construction — started from the linearised fit 1/MC = 1/M + (L½/M)·(1/L).
 */
public final class SaturatingLaw {
    private static final int MAX_ITERATIONS = 200;
    /**
     * L½ beyond this many times the largest L measured means the data show no saturation: the curve is then
     * M·L/L½ to within L/L½ ≤ 10%, so only the ratio M/L½ (the initial slope) is determined, and the least squares
     * drift to any M and L½ with that ratio (a spike-coding network gave M = 10¹², L½ = 2·10¹⁴).
     */
    static final double UNSATURATED = 10;

    private SaturatingLaw() {
    }

    /**
     * @return {M, L½, r²}; NaN when the data do not determine them (fewer than 2 distinct L, non-positive MC, or no
     * saturation within the measured L: L½ beyond {@link #UNSATURATED} times the largest L)
     */
    public static double[] fit(double[] l, double[] y) {
        int n = l.length;
        double[] invL = new double[n];
        double[] invY = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(l[i] > 0 && y[i] > 0)) {
                return new double[] {Double.NaN, Double.NaN, Double.NaN};
            }
            invL[i] = 1 / l[i];
            invY[i] = 1 / y[i];
        }
        LineFit start = LineFit.of(invL, invY);
        double m0 = start.intercept() > 0 ? 1 / start.intercept() : max(y) * 2;
        double h0 = start.intercept() > 0 && start.slope() > 0 ? start.slope() * m0 : median(l);
        double p = StrictMath.log(m0);
        double q = StrictMath.log(Math.max(h0, 1e-9));
        double lambda = 1e-3;
        double cost = cost(l, y, p, q);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double jtj00 = 0;
            double jtj01 = 0;
            double jtj11 = 0;
            double g0 = 0;
            double g1 = 0;
            double m = StrictMath.exp(p);
            double h = StrictMath.exp(q);
            for (int i = 0; i < n; i++) {
                double f = m * l[i] / (l[i] + h);
                double r = y[i] - f;
                double dp = f;                        // ∂f/∂ln M
                double dq = -m * l[i] * h / StrictMath.pow(l[i] + h, 2); // ∂f/∂ln L½
                jtj00 += dp * dp;
                jtj01 += dp * dq;
                jtj11 += dq * dq;
                g0 += dp * r;
                g1 += dq * r;
            }
            double a00 = jtj00 * (1 + lambda);
            double a11 = jtj11 * (1 + lambda);
            double det = a00 * a11 - jtj01 * jtj01;
            if (!(Math.abs(det) > 0)) {
                break;
            }
            double stepP = (a11 * g0 - jtj01 * g1) / det;
            double stepQ = (a00 * g1 - jtj01 * g0) / det;
            double trial = cost(l, y, p + stepP, q + stepQ);
            if (trial < cost) {
                p += stepP;
                q += stepQ;
                boolean converged = cost - trial < 1e-15 * (1 + cost);
                cost = trial;
                lambda = Math.max(lambda / 10, 1e-12);
                if (converged) {
                    break;
                }
            } else {
                lambda *= 10;
                if (lambda > 1e12) {
                    break;
                }
            }
        }
        if (!(StrictMath.exp(q) <= UNSATURATED * max(l))) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double total = 0;
        for (double v : y) {
            total += (v - mean) * (v - mean);
        }
        return new double[] {StrictMath.exp(p), StrictMath.exp(q), total > 0 ? 1 - cost / total : 1.0};
    }

    private static double cost(double[] l, double[] y, double p, double q) {
        double m = StrictMath.exp(p);
        double h = StrictMath.exp(q);
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            double r = y[i] - m * l[i] / (l[i] + h);
            s += r * r;
        }
        return s;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
