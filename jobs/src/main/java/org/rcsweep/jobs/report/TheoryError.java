package org.rcsweep.jobs.report;

import org.apache.spark.sql.Row;
import org.rcsweep.jobs.analysis.VariantLabels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far each theory's memory capacity is from the simulated one in one group (model variant, N, knob value):
 * the mean over readout counts L (and replicas) of |mc_theory_X − mc_total| / mc_total, for each theory X, over the
 * rows where that theory has a value (their number is shown when it is fewer than the group's rows); null where the
 * theory was not computed.
 *
 * @param errors theory short name → mean relative error (null: not computed)
 * @param counts theory short name → rows with a value
 */
public record TheoryError(String model, Integer n, String knob, Double value, Map<String, Double> errors,
                          Map<String, Long> counts, long rows) {
    /** The theories in the order of the table, with their column names in {@code points} and their words. */
    public static final List<String[]> THEORIES = List.of(
            new String[] {"meanfield", "mc_theory_meanfield", "mean-field theory"},
            new String[] {"correlated", "mc_theory_correlated", "correlation-aware theory"},
            new String[] {"independent", "mc_theory_independent", "independent-neuron theory"},
            new String[] {"linear", "mc_theory_linear", "linear (Lyapunov) theory"});

    public static final List<String> HEADER = List.of("model", "N", "knob", "value", "mean-field", "correlation-aware",
            "independent neurons", "linear (Lyapunov)", "rows (point, L)");

    /** The SQL over the {@code points} view whose rows {@link #from} reads. */
    public static String query() {
        StringBuilder sql = new StringBuilder("SELECT model, model_params, n, knob, correlation, count(*) AS rows");
        for (String[] t : THEORIES) {
            sql.append(", avg(abs(").append(t[1]).append(" - mc_total) / mc_total) AS err_").append(t[0])
                    .append(", count(").append(t[1]).append(") AS n_").append(t[0]);
        }
        return sql.append(" FROM points WHERE status = 'ok' AND mc_total > 0 ")
                .append("GROUP BY model, model_params, n, knob, correlation ")
                .append("ORDER BY model, model_params, n, knob, correlation").toString();
    }

    public static TheoryError from(Row r, String variantLabel) {
        Map<String, Double> errors = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String[] t : THEORIES) {
            errors.put(t[0], Cells.dbl(r, "err_" + t[0]));
            counts.put(t[0], Cells.lng(r, "n_" + t[0]));
        }
        return new TheoryError(VariantLabels.named(Cells.str(r, "model"), variantLabel), Cells.integer(r, "n"),
                Cells.str(r, "knob"), Cells.dbl(r, "correlation"), errors, counts, Cells.lng(r, "rows"));
    }

    /** The error of one theory by its short name (meanfield, correlated, independent, linear). */
    public Double of(String theory) {
        if (!errors.containsKey(theory)) {
            throw new IllegalArgumentException(theory);
        }
        return errors.get(theory);
    }

    public List<String> cells() {
        List<String> c = new ArrayList<>(List.of(model, n == null ? Cells.NONE : String.valueOf(n),
                knob == null ? Cells.NONE : knob, value == null ? Cells.NONE : String.valueOf(value)));
        for (String[] t : THEORIES) {
            Double e = of(t[0]);
            long count = counts.getOrDefault(t[0], 0L);
            c.add(e == null ? Cells.NONE : Cells.percent(e) + (count < rows ? " (" + count + " rows)" : ""));
        }
        c.add(String.valueOf(rows));
        return c;
    }
}
