package org.rcsweep.fit;

/**
 * Ordinary least squares y = intercept + slope·x with r² and the slope's standard error (centred sums, so no
 * cancellation when x has a large mean).
 */
public record LineFit(double intercept, double slope, double r2, double slopeStandardError, int points) {

    public static LineFit of(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return new LineFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (!(sxx > 0)) {
            return new LineFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double rss = Math.max(0, syy - slope * sxy);
        double r2 = syy > 0 ? 1 - rss / syy : 1.0;
        double se = n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : Double.NaN;
        return new LineFit(intercept, slope, r2, se, n);
    }
}
