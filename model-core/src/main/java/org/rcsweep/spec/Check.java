package org.rcsweep.spec;

/** Range checks that throw {@link SpecException} naming the field, the value and the allowed range. */
public final class Check {
    private Check() {
    }

    /** lo ≤ value ≤ hi, and finite. */
    public static double closed(String field, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new SpecException(field, value + " is outside the allowed range [" + lo + ", " + hi + "]");
        }
        return value;
    }

    /** lo &lt; value ≤ hi. */
    public static double leftOpen(String field, double value, double lo, double hi) {
        if (!(value > lo && value <= hi)) {
            throw new SpecException(field, value + " is outside the allowed range (" + lo + ", " + hi + "]");
        }
        return value;
    }

    /** lo &lt; value &lt; hi. */
    public static double open(String field, double value, double lo, double hi) {
        if (!(value > lo && value < hi)) {
            throw new SpecException(field, value + " is outside the allowed range (" + lo + ", " + hi + ")");
        }
        return value;
    }

    /** lo ≤ value ≤ hi for integers. */
    public static int closed(String field, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new SpecException(field, value + " is outside the allowed range [" + lo + ", " + hi + "]");
        }
        return value;
    }
}
