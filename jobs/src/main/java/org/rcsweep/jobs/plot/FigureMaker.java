package org.rcsweep.jobs.plot;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.jobs.analysis.VariantLabels;
import org.rcsweep.tables.ResultTables;

import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the standard figures of a results directory. Every figure is a query over the Parquet tables (the data of
 * each is an aggregation collected to the driver), never in-memory state of a sweep.
 */
public final class FigureMaker {
    /** m_k below this counts as forgotten when the memory-function figure picks its delay range. */
    private static final double MEMORY_SHOWN = 0.01;

    private FigureMaker() {
    }

    /** Figures rendered into a local temporary folder, deleted on close (after they are published). */
    public record Rendered(Path folder, List<Figure> figures) implements AutoCloseable {
        @Override
        public void close() {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + folder, e);
            }
        }
    }

    /** Renders the figures into a new local temporary folder (the results directory may be on any file system). */
    public static Rendered renderToTemp(SparkSession spark, ResultsDirectory results) {
        Path folder;
        try {
            folder = Files.createTempDirectory("rcsweep-figures");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for figures", e);
        }
        return new Rendered(folder, render(spark, results, folder));
    }

    public static List<Figure> render(SparkSession spark, ResultsDirectory results, Path figDir) {
        try {
            Files.createDirectories(figDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + figDir, e);
        }
        results.read(spark, ResultTables.POINTS).createOrReplaceTempView("points");
        List<Figure> figures = new ArrayList<>();
        List<Row> groups = spark.sql("SELECT DISTINCT model, n FROM points WHERE status = 'ok' ORDER BY model, n")
                .collectAsList();
        for (Row g : groups) {
            figures.add(mcVsL(spark, figDir, g.getString(0), g.getInt(1)));
            if (results.has(ResultTables.MEMORY_CURVE)) {
                results.read(spark, ResultTables.MEMORY_CURVE).createOrReplaceTempView("memory_curve");
                figures.add(memoryCurves(spark, figDir, g.getString(0), g.getInt(1)));
            }
            List<Row> extremes = spark.sql(String.format(Locale.ROOT, "SELECT min(correlation), max(correlation) "
                    + "FROM points WHERE status = 'ok' AND ipc_total IS NOT NULL AND model = '%s' AND n = %d",
                    g.getString(0), g.getInt(1))).collectAsList();
            if (!extremes.isEmpty() && !extremes.get(0).isNullAt(0)) {
                double lo = extremes.get(0).getDouble(0);
                double hi = extremes.get(0).getDouble(1);
                figures.add(ipcByDegree(spark, figDir, g.getString(0), g.getInt(1), lo));
                if (hi != lo) {
                    figures.add(ipcByDegree(spark, figDir, g.getString(0), g.getInt(1), hi));
                }
            }
        }
        if (results.has(ResultTables.FITS)) {
            results.read(spark, ResultTables.FITS).createOrReplaceTempView("fits");
            alphaVs(spark, figDir, "correlation", "n").ifPresent(figures::add);
            alphaVs(spark, figDir, "n", "correlation").ifPresent(figures::add);
        }
        return figures;
    }

    private static Figure mcVsL(SparkSession spark, Path dir, String model, int n) {
        Dataset<Row> df = spark.sql(String.format(Locale.ROOT, "SELECT model_params, correlation, readouts, "
                + "avg(mc_total), avg(mc_theory_correlated), avg(mc_theory_independent), avg(mc_theory_linear), "
                + "first(knob) FROM points WHERE status = 'ok' AND model = '%s' AND n = %d "
                + "GROUP BY model_params, correlation, readouts ORDER BY model_params, correlation, readouts",
                model, n));
        List<Row> rows = df.collectAsList();
        Map<String, String> variants = VariantLabels.of(rows.stream().map(r -> r.getString(0)).distinct().toList());
        Map<String, List<Row>> byCorrelation = new LinkedHashMap<>();
        String knob = "";
        for (Row r : rows) {
            String variant = variants.get(r.getString(0));
            knob = r.getString(7);
            String setting = "none".equals(knob) ? "" : knob + " " + r.getDouble(1);
            String key = variant.isEmpty() || setting.isEmpty() ? variant + setting : variant + ", " + setting;
            byCorrelation.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        int colour = 0;
        int series = 0;
        String[] kinds = {"simulation", "correlated theory", "independent theory", "linear theory"};
        for (Map.Entry<String, List<Row>> e : byCorrelation.entrySet()) {
            for (int kind = 0; kind < kinds.length; kind++) {
                XYSeries s = new XYSeries(e.getKey().isEmpty() ? kinds[kind] : e.getKey() + ": " + kinds[kind]);
                for (Row r : e.getValue()) {
                    if (!r.isNullAt(3 + kind) && r.getDouble(3 + kind) > 0) {
                        s.add(r.getInt(2), r.getDouble(3 + kind));
                    }
                }
                if (s.getItemCount() == 0) {
                    continue;
                }
                data.addSeries(s);
                renderer.setSeriesPaint(series, ChartStyle.color(colour));
                renderer.setSeriesStroke(series, switch (kind) {
                    case 0 -> ChartStyle.solid();
                    case 1 -> ChartStyle.dashed();
                    case 2 -> ChartStyle.dotted();
                    default -> ChartStyle.dashDot();
                });
                renderer.setSeriesShapesVisible(series, kind == 0);
                series++;
            }
            colour++;
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Memory capacity vs readouts — " + model + ", N = " + n,
                "readout neurons L", "memory capacity MC = Σₖ mₖ", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer);
        plot.setDomainAxis(logAxis("readout neurons L (log scale)"));
        plot.setRangeAxis(logAxis("memory capacity MC (log scale)"));
        Path file = dir.resolve("mc_vs_l_" + model + "_n" + n + ".png");
        ChartStyle.save(chart, file);
        return new Figure(file, "Memory capacity vs readout count, " + model + ", N = " + n,
                "Simulation (solid, dots; mean over replicas) and theory (dashed: correlation-aware, dotted: "
                        + "independent neurons, dash-dot: linear/linearised) for each " + knob + " value and each "
                        + "variant of the model (labelled by the parameters in which the variants differ).");
    }

    private static Figure memoryCurves(SparkSession spark, Path dir, String model, int n) {
        Dataset<Row> df = spark.sql(String.format(Locale.ROOT, "SELECT c.readouts, c.delay, avg(c.m) FROM memory_curve c "
                + "JOIN points p USING (point_id, readouts) WHERE p.status = 'ok' AND p.model = '%s' AND p.n = %d "
                + "AND p.correlation = (SELECT min(correlation) FROM points WHERE model = '%s' AND n = %d) "
                + "GROUP BY c.readouts, c.delay ORDER BY c.readouts, c.delay", model, n, model, n));
        XYSeriesCollection data = new XYSeriesCollection();
        Map<Integer, XYSeries> series = new LinkedHashMap<>();
        int lastDelay = 0;
        int lastVisible = 0; // the largest delay any readout count still remembers above MEMORY_SHOWN
        for (Row r : df.collectAsList()) {
            series.computeIfAbsent(r.getInt(0), l -> new XYSeries("L = " + l)).add(r.getInt(1), r.getDouble(2));
            lastDelay = Math.max(lastDelay, r.getInt(1));
            if (r.getDouble(2) >= MEMORY_SHOWN) {
                lastVisible = Math.max(lastVisible, r.getInt(1));
            }
        }
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart("Memory function — " + model + ", N = " + n,
                "delay k", "mₖ (squared correlation)", data, PlotOrientation.VERTICAL, true, false, false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
            renderer.setSeriesStroke(i, ChartStyle.solid());
        }
        chart.getXYPlot().setRenderer(renderer);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setRange(0, 1.05);
        // Memory fades within a few N steps while max_delay may be far larger: the flat tail would squeeze the curve
        // into the left edge, so the axis ends half as far again beyond the last delay still remembered.
        int shown = Math.min(lastDelay, Math.max(10, (int) Math.ceil(1.5 * lastVisible)));
        ((NumberAxis) chart.getXYPlot().getDomainAxis()).setRange(0, Math.max(1, shown));
        Path file = dir.resolve("memory_curve_" + model + "_n" + n + ".png");
        ChartStyle.save(chart, file);
        String cut = shown < lastDelay ? String.format(Locale.ROOT, "; delays beyond %d, where every m_k is below "
                + "%.2f, are not drawn (measured up to %d)", shown, MEMORY_SHOWN, lastDelay) : "";
        return new Figure(file, "Memory function m_k, " + model + ", N = " + n,
                "m_k against delay k for each readout count (lowest correlation value, mean over replicas)" + cut
                        + ".");
    }

    private static Figure ipcByDegree(SparkSession spark, Path dir, String model, int n, double correlation) {
        Dataset<Row> df = spark.sql(String.format(Locale.ROOT, "SELECT readouts, d.pos + 1 AS degree, avg(d.c) "
                + "FROM points LATERAL VIEW posexplode(ipc_by_degree) d AS pos, c "
                + "WHERE status = 'ok' AND model = '%s' AND n = %d AND correlation = %s "
                + "GROUP BY readouts, degree ORDER BY degree, readouts", model, n, Double.toString(correlation)));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String knob = spark.sql(String.format(Locale.ROOT, "SELECT first(knob) FROM points WHERE model = '%s'", model))
                .first().getString(0);
        for (Row r : df.collectAsList()) {
            data.addValue(r.getDouble(2), "degree " + r.getInt(1), Integer.valueOf(r.getInt(0)));
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Capacity by degree — " + model + ", N = " + n + ", "
                + knob + " = " + correlation, "readout neurons L", "information processing capacity", data,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        for (int i = 0; i < data.getRowCount(); i++) {
            plot.getRenderer().setSeriesPaint(i, ChartStyle.color(i));
        }
        String tag = String.format(Locale.ROOT, "%s", Double.toString(correlation)).replace('.', 'p').replace('-', 'm');
        Path file = dir.resolve("ipc_by_degree_" + model + "_n" + n + "_c" + tag + ".png");
        ChartStyle.save(chart, file);
        return new Figure(file, "IPC by degree vs readout count, " + model + ", N = " + n + ", " + knob + " = "
                + correlation, "Kept capacity per polynomial degree, stacked, mean over replicas.");
    }

    /** Empty when the sweep has fewer than two values of x: a single column of intervals shows no dependence. */
    private static Optional<Figure> alphaVs(SparkSession spark, Path dir, String x, String seriesBy) {
        Dataset<Row> df = spark.sql("SELECT model, " + seriesBy + ", " + x + ", estimate, ci_low, ci_high, "
                + "model_params FROM fits WHERE metric = 'mc_total' AND law = 'power' AND parameter = 'alpha' "
                + "AND estimate IS NOT NULL AND " + x + " IS NOT NULL ORDER BY model, model_params, " + seriesBy + ", "
                + x);
        List<Row> rows = df.collectAsList();
        if (rows.stream().map(r -> ((Number) r.get(2)).doubleValue()).distinct().count() < 2) {
            return Optional.empty();
        }
        Map<String, String> variants = VariantLabels.of(rows.stream().map(r -> r.getString(6)).toList());
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        for (Row r : rows) {
            String name = VariantLabels.named(r.getString(0), variants.get(r.getString(6))) + ", " + seriesBy + " = "
                    + r.get(1);
            double est = r.getDouble(3);
            double lo = r.isNullAt(4) ? est : r.getDouble(4);
            double hi = r.isNullAt(5) ? est : r.getDouble(5);
            series.computeIfAbsent(name, YIntervalSeries::new).add(((Number) r.get(2)).doubleValue(), est, lo, hi);
        }
        series.values().forEach(data::addSeries);
        String xLabel = x.equals("n") ? "reservoir size N" : "correlation knob value";
        JFreeChart chart = ChartFactory.createXYLineChart("Power-law exponent α of MC ∝ L^α vs " + xLabel, xLabel,
                "exponent α (95% interval)", data, PlotOrientation.VERTICAL, true, false, false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
            renderer.setSeriesStroke(i, ChartStyle.solid());
        }
        chart.getXYPlot().setRenderer(renderer);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        Path file = dir.resolve("alpha_vs_" + x + ".png");
        ChartStyle.save(chart, file);
        return Optional.of(new Figure(file, "Exponent α vs " + xLabel, "Power-law exponent of memory "
                + "capacity against readout count, with 95% bootstrap intervals over replicas; one line per " + seriesBy
                + "."));
    }

    private static LogAxis logAxis(String label) {
        LogAxis axis = new RoundLogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(0.1);
        axis.setNumberFormatOverride(new java.text.DecimalFormat("0.##"));
        axis.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 12));
        axis.setLabelFont(new Font("SansSerif", Font.PLAIN, 14));
        return axis;
    }
}
