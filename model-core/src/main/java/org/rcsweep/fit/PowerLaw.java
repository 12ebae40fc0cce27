package org.rcsweep.fit;

/** MC = a·L^α fitted by least squares on log–log axes (Spark SQL: regr_slope(ln(mc), ln(L)) gives the same α). */
public final class PowerLaw {
    private PowerLaw() {
    }

    /** @return {a, α, r² (on the log scale)}; NaN where fewer than two distinct positive points exist */
    public static double[] fit(double[] l, double[] y) {
        int n = 0;
        for (int i = 0; i < l.length; i++) {
            if (l[i] > 0 && y[i] > 0) {
                n++;
            }
        }
        double[] lx = new double[n];
        double[] ly = new double[n];
        for (int i = 0, j = 0; i < l.length; i++) {
            if (l[i] > 0 && y[i] > 0) {
                lx[j] = StrictMath.log(l[i]);
                ly[j++] = StrictMath.log(y[i]);
            }
        }
        LineFit f = LineFit.of(lx, ly);
        return new double[] {StrictMath.exp(f.intercept()), f.slope(), f.r2()};
    }
}
