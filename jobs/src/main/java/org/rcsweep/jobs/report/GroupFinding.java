package org.rcsweep.jobs.report;

import org.apache.spark.sql.Row;
import org.rcsweep.jobs.analysis.VariantLabels;

import java.util.List;

/**
 * What the fits say about the memory capacity of one group of points (a model variant, N, knob and value): the
 * power-law exponent α with its interval, the saturating law's M and L½ when they describe a saturation within the
 * measured readout counts, the sublinearity onset and the replica count. One row of the report's findings table.
 *
 * @param model          model kind, or the kind and its variant label
 * @param modelParams    the canonical parameters (tells variants apart), null when not grouped by them
 * @param n              N, null when not grouped by it
 * @param value          the knob's value as written in the spec (0.5, not 0.500), null when not grouped by it
 * @param maxL           the largest readout count measured in the group, null when unknown
 * @param sublinearBound {@code at_most} when MC/L is below the sublinearity level already at the smallest L
 */
public record GroupFinding(String model, String modelParams, Integer n, String knob, Double value, Double alpha,
                           Double alphaLow, Double alphaHigh, Double r2, Double m, Double lHalf, Double lSublinear,
                           String sublinearBound, Integer replicas, Integer maxL) {
    /** Words for a saturating law that does not describe a saturation inside the data. */
    public static final String NO_SATURATION = "no saturation within the measured L";

    /** How the power law's exponent reads, claiming no more than its interval allows. */
    public enum Growth {
        SUBLINEAR("sublinear"), LINEAR("about linear"), SUPERLINEAR("superlinear"),
        UNRESOLVED("undetermined"), NOT_FITTED("not fitted");

        private final String words;

        Growth(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One group from a row of the report's pivot of the fits table, read by column name: model, model_params, n,
     * knob, correlation, alpha, alpha_low, alpha_high, r2, m_sat, l_half, l_sublinear, l_sublinear_bound,
     * replicas.
     */
    public static GroupFinding from(Row r, String variantLabel, Integer maxL) {
        return new GroupFinding(VariantLabels.named(java.util.Objects.requireNonNullElse(Cells.str(r, "model"),
                "all models"), variantLabel),
                Cells.str(r, "model_params"), Cells.integer(r, "n"), Cells.str(r, "knob"),
                Cells.dbl(r, "correlation"), Cells.dbl(r, "alpha"), Cells.dbl(r, "alpha_low"),
                Cells.dbl(r, "alpha_high"), Cells.dbl(r, "r2"), Cells.dbl(r, "m_sat"), Cells.dbl(r, "l_half"),
                Cells.dbl(r, "l_sublinear"), Cells.str(r, "l_sublinear_bound"), Cells.integer(r, "replicas"), maxL);
    }

    public Growth growth() {
        if (alpha == null) {
            return Growth.NOT_FITTED;
        }
        // An interval that holds linear growth (for an exponent not itself about 1) or no growth at all cannot
        // tell the shape.
        if (alphaLow != null && alphaHigh != null
                && ((alphaLow <= 1 && alphaHigh >= 1 && (alpha < 0.9 || alpha > 1.1)) || alphaLow <= 0)) {
            return Growth.UNRESOLVED;
        }
        return alpha < 0.9 ? Growth.SUBLINEAR : alpha <= 1.1 ? Growth.LINEAR : Growth.SUPERLINEAR;
    }

    /**
     * Whether the saturating law describes a level reached within the data: M and L½ fitted, M at most N (memory
     * capacity cannot exceed the neuron count) and L½ within the largest measured L.
     */
    public boolean saturates() {
        return m != null && lHalf != null && m > 0 && lHalf > 0 && (n == null || m <= n)
                && (maxL == null || lHalf <= maxL);
    }

    /** The saturation cell: {@code M = 15.0, L½ = 10.0}, or {@link #NO_SATURATION}. */
    public String saturationText() {
        return saturates() ? "M = " + Cells.one(m) + ", L½ = " + Cells.one(lHalf) : NO_SATURATION;
    }

    /** The knob and its value: {@code shared-input = 0.5}, or empty for a sweep without a knob. */
    public String setting() {
        return knob == null || "none".equals(knob) ? "" : knob + " = " + (value == null ? Cells.NONE : value);
    }

    /** The cells of the findings table, in the order of {@link #HEADER}. */
    public List<String> cells() {
        String a = alpha == null ? Cells.NONE : Cells.withInterval(alpha, alphaLow, alphaHigh);
        String growth = growth() == Growth.UNRESOLVED ? "undetermined (interval includes "
                + (alphaLow <= 0 && alphaHigh >= 1 ? "0 and 1" : alphaLow <= 0 ? "0" : "1") + ")" : growth().words();
        String sublinear = lSublinear == null ? "not reached"
                : "at_most".equals(sublinearBound) ? "≤ " + Cells.whole(lSublinear) : Cells.one(lSublinear);
        return List.of(model, n == null ? Cells.NONE : String.valueOf(n), knob == null ? Cells.NONE : knob,
                value == null ? Cells.NONE : String.valueOf(value), a, r2 == null ? Cells.NONE : Cells.fixed(r2),
                growth, saturationText(), sublinear, replicas == null ? Cells.NONE : String.valueOf(replicas));
    }

    public static final List<String> HEADER = List.of("model", "N", "knob", "value", "α [95% interval]", "r² (log)",
            "growth of MC with L", "saturation", "L sublinear", "replicas");
}
