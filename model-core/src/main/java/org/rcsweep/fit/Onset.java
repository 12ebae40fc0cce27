package org.rcsweep.fit;

/** Where a curve sampled at increasing L first crosses a level, by linear interpolation between samples. */
public final class Onset {
    private Onset() {
    }

    /** Smallest L at which y rises to ≥ level (NaN if it never does; the first L if it starts there). */
    public static double firstAbove(double[] l, double[] y, double level) {
        for (int i = 0; i < l.length; i++) {
            if (y[i] >= level) {
                if (i == 0) {
                    return l[0];
                }
                return l[i - 1] + (level - y[i - 1]) * (l[i] - l[i - 1]) / (y[i] - y[i - 1]);
            }
        }
        return Double.NaN;
    }

    /**
     * Whether y is at or above the level at its first L already: {@link #firstAbove} then returns that L, which only
     * bounds the onset from above (it may lie anywhere below the smallest L measured).
     */
    public static boolean alreadyAbove(double[] y, double level) {
        return y.length > 0 && y[0] >= level;
    }

    /** Whether y is at or below the level at its first L already (see {@link #alreadyAbove}). */
    public static boolean alreadyBelow(double[] y, double level) {
        return y.length > 0 && y[0] <= level;
    }

    /** Smallest L at which y falls to ≤ level (NaN if it never does; the first L if it starts there). */
    public static double firstBelow(double[] l, double[] y, double level) {
        double[] negated = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            negated[i] = -y[i];
        }
        return firstAbove(l, negated, -level);
    }
}
