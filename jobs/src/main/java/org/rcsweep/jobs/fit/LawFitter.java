package org.rcsweep.jobs.fit;

import org.apache.spark.sql.Row;
import org.rcsweep.fit.LineFit;
import org.rcsweep.fit.StudentT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The scaling collapse: fitted parameters regressed across groups — α against ln N and against the measured rms
 * correlation, and the sublinearity and IPC-degree onsets against √N. Rows of the {@code laws} table.
 */
final class LawFitter {
    private LawFitter() {
    }

    /** @param fits rows of the fits table (grouped by model and its parameters, n, knob and correlation) */
    static List<Object[]> laws(List<Row> fits) {
        List<Object[]> out = new ArrayList<>();
        Map<String, Map<String, Double>> groups = new TreeMap<>();
        Map<String, Row> groupRows = new TreeMap<>();
        for (Row r : fits) {
            // An onset at or below the smallest L measured is a bound, not a value: regressed with the crossings it
            // would pull the slope toward the grid of readout counts instead of the reservoirs.
            if (r.isNullAt(r.fieldIndex("model")) || r.isNullAt(r.fieldIndex("n")) || r.isNullAt(r.fieldIndex("knob")) || r.isNullAt(r.fieldIndex("correlation")) || r.isNullAt(r.fieldIndex("estimate"))
                    || !r.isNullAt(r.fieldIndex("bound"))) {
                continue;
            }
            String key = variant(r) + "|" + r.<Integer>getAs("n") + "|" + r.<String>getAs("knob") + "|" + r.<Double>getAs("correlation");
            groups.computeIfAbsent(key, k -> new TreeMap<>())
                    .put(r.<String>getAs("metric") + "/" + r.<String>getAs("law") + "/" + r.<String>getAs("parameter"), r.<Double>getAs("estimate"));
            groupRows.putIfAbsent(key, r);
        }
        // alpha vs ln n at fixed (model, knob, correlation); onsets vs sqrt(n) likewise.
        Map<String, List<String>> byCorrelation = new TreeMap<>();
        Map<String, List<String>> bySize = new TreeMap<>();
        for (String key : groups.keySet()) {
            Row r = groupRows.get(key);
            byCorrelation.computeIfAbsent(variant(r) + "|" + r.<String>getAs("knob") + "|" + r.<Double>getAs("correlation"),
                    k -> new ArrayList<>()).add(key);
            bySize.computeIfAbsent(variant(r) + "|" + r.<String>getAs("knob") + "|" + r.<Integer>getAs("n"),
                    k -> new ArrayList<>()).add(key);
        }
        for (List<String> keys : byCorrelation.values()) {
            Row first = groupRows.get(keys.get(0));
            regress(out, "alpha_vs_log_n", first, true, false, null, keys, groups, groupRows, "ln(n)", "alpha",
                    r -> StrictMath.log(r.<Integer>getAs("n")), "mc_total/power/alpha");
            regress(out, "sublinear_onset_vs_sqrt_n", first, true, false, null, keys, groups, groupRows, "sqrt(n)",
                    "l_sublinear", r -> Math.sqrt(r.<Integer>getAs("n")), "mc_total/fraction_of_linear/l_sublinear");
            for (int d = 1; d <= 10; d++) {
                regress(out, "ipc_onset_vs_sqrt_n", first, true, false, d, keys, groups, groupRows, "sqrt(n)",
                        "l_onset", r -> Math.sqrt(r.<Integer>getAs("n")), "ipc_degree_" + d + "/onset/l_onset");
            }
        }
        for (List<String> keys : bySize.values()) {
            Row first = groupRows.get(keys.get(0));
            List<String> withRms = new ArrayList<>();
            for (String k : keys) {
                if (groups.get(k).containsKey("corr_rms/summary/at_max_l")) {
                    withRms.add(k);
                }
            }
            regressOn(out, "alpha_vs_corr_rms", first, withRms, groups, "corr_rms", "alpha",
                    k -> groups.get(k).get("corr_rms/summary/at_max_l"), "mc_total/power/alpha");
        }
        return out;
    }

    private static void regress(List<Object[]> out, String law, Row first, boolean keepCorrelation, boolean keepN,
                                Integer degree, List<String> keys, Map<String, Map<String, Double>> groups,
                                Map<String, Row> groupRows, String x, String y, ToDoubleFunction<Row> xOf,
                                String yKey) {
        List<double[]> pts = new ArrayList<>();
        for (String k : keys) {
            Double v = groups.get(k).get(yKey);
            if (v != null) {
                pts.add(new double[] {xOf.applyAsDouble(groupRows.get(k)), v});
            }
        }
        emit(out, law, first, keepCorrelation, keepN, degree, x, y, pts);
    }

    private static void regressOn(List<Object[]> out, String law, Row first, List<String> keys,
                                  Map<String, Map<String, Double>> groups, String x, String y,
                                  java.util.function.Function<String, Double> xOf, String yKey) {
        List<double[]> pts = new ArrayList<>();
        for (String k : keys) {
            Double v = groups.get(k).get(yKey);
            Double xv = xOf.apply(k);
            if (v != null && xv != null) {
                pts.add(new double[] {xv, v});
            }
        }
        emit(out, law, first, false, true, null, x, y, pts);
    }

    private static void emit(List<Object[]> out, String law, Row first, boolean keepCorrelation, boolean keepN,
                             Integer degree, String x, String y, List<double[]> pts) {
        long distinctX = pts.stream().map(p -> p[0]).distinct().count();
        if (distinctX < 2) {
            return;
        }
        double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = pts.stream().mapToDouble(p -> p[1]).toArray();
        LineFit f = LineFit.of(xs, ys);
        double half = StudentT.quantile975(pts.size() - 2) * f.slopeStandardError();
        out.add(new Object[] {law, first.<String>getAs("model"), first.<String>getAs("knob"),
            keepCorrelation ? (Object) first.<Double>getAs("correlation") : null, keepN ? (Object) first.<Integer>getAs("n") : null, degree, x, y,
            orNull(f.slope()), orNull(f.intercept()), orNull(f.slope() - half), orNull(f.slope() + half),
            orNull(f.r2()), pts.size(), first.<String>getAs("model_params")});
        Objects.requireNonNull(out);
    }

    private static String variant(Row r) {
        return r.<String>getAs("model") + "|" + r.<String>getAs("model_params");
    }

    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
