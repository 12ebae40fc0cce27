package org.rcsweep.spec;

import org.rcsweep.random.ContentHash;

import java.util.Arrays;

/**
 * A network trained elsewhere: user-supplied recurrent and input weights (read from .npy or CSV on the driver and
 * carried in the spec, since there is no seed to rebuild them from), run with the leaky update
 * x(t+1) = (1−a)x + a·f(W x + w_in u). Its content hash covers the weights, so new weights make new point ids.
 *
 * @param recurrent  W, row-major N × N
 * @param input      w_in, length N
 * @param source     where the weights came from (for provenance; not part of the id)
 * @param activation f
 * @param leak       a
 */
public record CustomSpec(double[] recurrent, double[] input, String source, Activation activation, double leak)
        implements ModelSpec {
    public static final String KIND = "custom";

    public CustomSpec {
        if (activation == null) {
            throw new SpecException("activation", "is required");
        }
        Check.leftOpen("leak", leak, 0.0, 1.0);
        int n = input.length;
        if (n == 0 || recurrent.length != (long) n * n) {
            throw new SpecException("recurrent", "has " + recurrent.length + " entries but input has " + n
                    + ": the recurrent matrix must be N × N with N = " + n);
        }
        recurrent = recurrent.clone();
        input = input.clone();
    }

    public int size() {
        return input.length;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String canonical() {
        StringBuilder sb = new StringBuilder();
        for (double v : recurrent) {
            sb.append(Long.toHexString(Double.doubleToLongBits(v))).append(',');
        }
        sb.append('|');
        for (double v : input) {
            sb.append(Long.toHexString(Double.doubleToLongBits(v))).append(',');
        }
        return KIND + "{n=" + input.length + ",weights=" + ContentHash.of(sb.toString()) + ",activation="
                + activation.label() + ",leak=" + leak + "}";
    }

    @Override
    public boolean supports(Knob knob) {
        return knob == Knob.NONE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomSpec c && Arrays.equals(c.recurrent, recurrent) && Arrays.equals(c.input, input)
                && c.activation == activation && c.leak == leak;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(recurrent) + Arrays.hashCode(input);
    }

    @Override
    public String toString() {
        return "CustomSpec[n=" + input.length + ", source=" + source + ", activation=" + activation + ", leak=" + leak
                + "]";
    }
}
