package org.rcsweep.jobs.fit;

import org.rcsweep.fit.Onset;
import org.rcsweep.fit.PowerLaw;
import org.rcsweep.fit.ReplicaBootstrap;
import org.rcsweep.fit.ReplicaBootstrap.Replica;
import org.rcsweep.fit.SaturatingLaw;
import org.rcsweep.random.ContentHash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Fits every law to one group's curves and returns rows of the {@code fits} table (schema order). */
final class GroupFitter {
    private GroupFitter() {
    }

    static List<Object[]> fit(GroupKey key, Iterable<CurveSample> samples, FitOptions options) {
        // One replica per reservoir (seed and replica), not per point id: a directory holding two specs may hold the
        // same reservoir under two ids, and it is one independent sample. Of its rows at one L the first point id's
        // is kept, so the choice does not depend on the order Spark hands the rows over.
        Map<String, List<CurveSample>> byPoint = new TreeMap<>();
        List<CurveSample> sorted = new ArrayList<>();
        samples.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparing(CurveSample::reservoir).thenComparingInt(CurveSample::readouts)
                .thenComparing(CurveSample::pointId));
        for (CurveSample s : sorted) {
            List<CurveSample> curve = byPoint.computeIfAbsent(s.reservoir(), k -> new ArrayList<>());
            if (curve.isEmpty() || curve.get(curve.size() - 1).readouts() != s.readouts()) {
                curve.add(s);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        Emitter out = new Emitter(key, options, byPoint.size(), rows);

        List<Replica> mc = curves(byPoint, s -> s.mcTotal());
        out.fit(mc, "mc_total", "power", new String[] {"a", "alpha"}, d -> take(PowerLaw.fit(d.x(), d.y()), 0, 1),
                d -> PowerLaw.fit(d.x(), d.y())[2], Double.NaN, null);
        out.fit(mc, "mc_total", "saturating", new String[] {"M", "L_half"},
                d -> saturation(d, key.n()), d -> SaturatingLaw.fit(d.x(), d.y())[2], Double.NaN, null);
        out.fit(mc, "mc_total", "fraction_of_linear", new String[] {"at_max_l"}, d -> new double[] {atMaxL(ratio(d))},
                d -> Double.NaN, Double.NaN, null);
        out.fit(mc, "mc_total", "fraction_of_linear", new String[] {"l_sublinear"},
                d -> new double[] {sublinearOnset(ratio(d), options.sublinearFraction())}, d -> Double.NaN,
                options.sublinearFraction(), d -> Onset.alreadyBelow(ratio(d)[1], options.sublinearFraction()));

        boolean hasIpc = byPoint.values().stream().flatMap(List::stream).anyMatch(s -> s.ipcTotal() != null);
        if (hasIpc) {
            List<Replica> ipc = curves(byPoint, s -> s.ipcTotal() == null ? Double.NaN : s.ipcTotal());
            out.fit(ipc, "ipc_total", "power", new String[] {"a", "alpha"},
                    d -> take(PowerLaw.fit(d.x(), d.y()), 0, 1), d -> PowerLaw.fit(d.x(), d.y())[2], Double.NaN, null);
            int degrees = byPoint.values().stream().flatMap(List::stream).filter(s -> s.ipcByDegree() != null)
                    .mapToInt(s -> s.ipcByDegree().length).max().orElse(0);
            for (int d = 1; d <= degrees; d++) {
                int degree = d;
                List<Replica> curve = curves(byPoint, s -> s.ipcByDegree() == null || s.ipcByDegree().length < degree
                        ? Double.NaN : s.ipcByDegree()[degree - 1]);
                out.fit(curve, "ipc_degree_" + d, "onset", new String[] {"l_onset"},
                        c -> new double[] {firstAbove(mean(c), options.onsetLevel())}, c -> Double.NaN,
                        options.onsetLevel(), c -> Onset.alreadyAbove(mean(c)[1], options.onsetLevel()));
            }
        }
        List<Replica> rms = curves(byPoint, s -> s.corrRms() == null ? Double.NaN : s.corrRms());
        out.fit(rms, "corr_rms", "summary", new String[] {"at_max_l"}, d -> new double[] {atMaxL(mean(d))},
                d -> Double.NaN, Double.NaN, null);
        return rows;
    }

    /** Collects rows of one metric and law. */
    private record Emitter(GroupKey key, FitOptions options, int replicas, List<Object[]> rows) {
        /**
         * @param alreadyPast for an onset, whether the pooled curve is past the level at its smallest L (the
         *                    estimate is then only an upper bound, with no interval); null for other laws
         */
        void fit(List<Replica> data, String metric, String law, String[] parameters,
                 Function<Replica, double[]> statistic, Function<Replica, Double> r2, double level,
                 Function<Replica, Boolean> alreadyPast) {
            List<Replica> usable = new ArrayList<>();
            int points = 0;
            for (Replica r : data) {
                if (r.x().length > 0) {
                    usable.add(r);
                    points += r.x().length;
                }
            }
            if (usable.isEmpty()) {
                return;
            }
            Replica pooled = ReplicaBootstrap.pool(usable);
            // A two-parameter law through fewer than three readout counts fits exactly (r² = 1) and says nothing.
            boolean underdetermined = (law.equals("power") || law.equals("saturating"))
                    && java.util.Arrays.stream(pooled.x()).distinct().count() < MIN_DISTINCT_L;
            double[] estimate = underdetermined ? nan(parameters.length) : statistic.apply(pooled);
            long seed = ContentHash.derivedSeed(options.seed(), ContentHash.of(key.text() + "|" + metric + "|" + law));
            boolean atMost = alreadyPast != null && alreadyPast.apply(pooled);
            // A bootstrap interval of an upper bound would read as an interval of the onset itself.
            double[][] ci = usable.size() >= 2 && !atMost && !underdetermined
                    ? ReplicaBootstrap.interval(usable, statistic, options.resamples(), seed)
                    : new double[estimate.length][] ;
            double fitR2 = underdetermined ? Double.NaN : r2.apply(pooled);
            for (int p = 0; p < parameters.length; p++) {
                // No interval without an estimate: resamples that happen to determine the law would give one.
                double[] interval = ci[p] == null || !Double.isFinite(estimate[p])
                        ? new double[] {Double.NaN, Double.NaN} : ci[p];
                rows.add(new Object[] {key.model(), key.n(), key.knob(), key.correlation(),
                    String.join(",", options.groupBy()), metric, law, parameters[p], orNull(estimate[p]),
                    orNull(interval[0]), orNull(interval[1]), orNull(fitR2), points, usable.size(),
                    options.resamples(), orNull(level), key.modelParams(), atMost ? "at_most" : null});
            }
        }
    }

    /** Distinct readout counts a two-parameter law needs before its fit says anything. */
    static final int MIN_DISTINCT_L = 3;

    private static double[] nan(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }

    /**
     * M and L½ of the saturating law, or NaN for both when the fit puts M above N: memory capacity cannot exceed the
     * number of neurons, so such a fit only says the curve does not saturate within the measured L.
     */
    private static double[] saturation(Replica d, Integer n) {
        double[] ml = take(SaturatingLaw.fit(d.x(), d.y()), 0, 1);
        if (n != null && Double.isFinite(ml[0]) && ml[0] > n) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return ml;
    }

    /** One replica per reservoir: its (L, value) pairs, dropping non-finite values. */
    private static List<Replica> curves(Map<String, List<CurveSample>> byPoint, Function<CurveSample, Double> value) {
        List<Replica> out = new ArrayList<>();
        for (List<CurveSample> curve : byPoint.values()) {
            List<double[]> pairs = new ArrayList<>();
            for (CurveSample s : curve) {
                Double v = value.apply(s);
                if (v != null && Double.isFinite(v)) {
                    pairs.add(new double[] {s.readouts(), v});
                }
            }
            double[] x = new double[pairs.size()];
            double[] y = new double[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                x[i] = pairs.get(i)[0];
                y[i] = pairs.get(i)[1];
            }
            out.add(new Replica(x, y));
        }
        return out;
    }

    /** Mean of y at each distinct x, x increasing. */
    static double[][] mean(Replica pooled) {
        TreeMap<Double, double[]> acc = new TreeMap<>();
        for (int i = 0; i < pooled.x().length; i++) {
            double[] a = acc.computeIfAbsent(pooled.x()[i], k -> new double[2]);
            a[0] += pooled.y()[i];
            a[1] += 1;
        }
        double[][] out = new double[2][acc.size()];
        int i = 0;
        for (Map.Entry<Double, double[]> e : acc.entrySet()) {
            out[0][i] = e.getKey();
            out[1][i++] = e.getValue()[0] / e.getValue()[1];
        }
        return out;
    }

    private static double[][] ratio(Replica pooled) {
        double[][] m = mean(pooled);
        for (int i = 0; i < m[0].length; i++) {
            m[1][i] /= m[0][i];
        }
        return m;
    }

    private static double atMaxL(double[][] curve) {
        return curve[1].length == 0 ? Double.NaN : curve[1][curve[1].length - 1];
    }

    private static double sublinearOnset(double[][] curve, double fraction) {
        return Onset.firstBelow(curve[0], curve[1], fraction);
    }

    private static double firstAbove(double[][] curve, double level) {
        return Onset.firstAbove(curve[0], curve[1], level);
    }

    private static double[] take(double[] v, int... idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
