package org.rcsweep.jobs.report;

import org.apache.spark.sql.Row;
import org.rcsweep.jobs.analysis.VariantLabels;

import java.util.ArrayList;
import java.util.List;

/**
 * How far each theory's memory capacity is from the simulated one in one group (model variant, N, knob value):
 * the mean over readout counts L (and replicas) of |mc_theory_X − mc_total| / mc_total, for X in linear,
 * independent and correlated; null where that theory was not computed.
 */
public record TheoryError(String model, Integer n, String knob, Double value, Double linear, Double independent,
                          Double correlated, long rows) {
    /** The theories in the order of the table, with their column names in {@code points} and their words. */
    public static final List<String[]> THEORIES = List.of(
            new String[] {"correlated", "mc_theory_correlated", "correlation-aware theory"},
            new String[] {"independent", "mc_theory_independent", "independent-neuron theory"},
            new String[] {"linear", "mc_theory_linear", "linear (Lyapunov) theory"});

    public static final List<String> HEADER = List.of("model", "N", "knob", "value", "correlation-aware",
            "independent neurons", "linear (Lyapunov)", "rows (point, L)");

    /** The SQL over the {@code points} view whose rows {@link #from} reads. */
    public static String query() {
        StringBuilder sql = new StringBuilder("SELECT model, model_params, n, knob, correlation, count(*) AS rows");
        for (String[] t : THEORIES) {
            sql.append(", avg(abs(").append(t[1]).append(" - mc_total) / mc_total) AS err_").append(t[0]);
        }
        return sql.append(" FROM points WHERE status = 'ok' AND mc_total > 0 ")
                .append("GROUP BY model, model_params, n, knob, correlation ")
                .append("ORDER BY model, model_params, n, knob, correlation").toString();
    }

    public static TheoryError from(Row r, String variantLabel) {
        return new TheoryError(VariantLabels.named(Cells.str(r, "model"), variantLabel), Cells.integer(r, "n"),
                Cells.str(r, "knob"), Cells.dbl(r, "correlation"), Cells.dbl(r, "err_linear"),
                Cells.dbl(r, "err_independent"), Cells.dbl(r, "err_correlated"), Cells.lng(r, "rows"));
    }

    /** The error of one theory by its short name (correlated, independent, linear). */
    public Double of(String theory) {
        return switch (theory) {
            case "correlated" -> correlated;
            case "independent" -> independent;
            case "linear" -> linear;
            default -> throw new IllegalArgumentException(theory);
        };
    }

    public List<String> cells() {
        List<String> c = new ArrayList<>(List.of(model, n == null ? Cells.NONE : String.valueOf(n),
                knob == null ? Cells.NONE : knob, value == null ? Cells.NONE : String.valueOf(value)));
        for (String[] t : THEORIES) {
            Double e = of(t[0]);
            c.add(e == null ? Cells.NONE : Cells.percent(e));
        }
        c.add(String.valueOf(rows));
        return c;
    }
}
