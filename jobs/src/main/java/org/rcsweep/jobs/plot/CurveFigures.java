package org.rcsweep.jobs.plot;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;

/** The memory function m_k and the information processing capacity by degree, per model variant and N. */
final class CurveFigures {
    /** m_k below this counts as forgotten when the memory-function figure picks its delay range. */
    private static final double MEMORY_SHOWN = 0.01;

    private CurveFigures() {
    }

    /**
     * m_k against delay k at the variant's lowest knob value, one line per readout count (at most
     * {@link ChartStyle#MAX_GROUPS}, spread over the measured ones): mean over replicas, band min–max across them.
     */
    static Optional<Figure> memoryFunction(SparkSession spark, Path dir, FigureMaker.Variant v) {
        Row lowest = v.points(spark).selectExpr("min(correlation) AS value", "first(knob) AS knob").first();
        if (lowest.getAs("value") == null) {
            return Optional.empty();
        }
        double value = lowest.<Double>getAs("value");
        String knob = lowest.getAs("knob");
        v.points(spark).where(col("correlation").equalTo(value)).createOrReplaceTempView("variant_points");
        List<Row> rows = spark.sql("SELECT c.readouts, c.delay, avg(c.m) AS mean, min(c.m) AS low, max(c.m) AS high, "
                + "count(DISTINCT p.replica) AS replicas FROM memory_curve c JOIN variant_points p "
                + "USING (point_id, readouts) GROUP BY c.readouts, c.delay ORDER BY c.readouts, c.delay")
                .collectAsList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> all = new ArrayList<>(new TreeSet<>(rows.stream().map(r -> r.<Integer>getAs("readouts"))
                .toList()));
        List<Integer> shownL = spread(all, ChartStyle.MAX_GROUPS);
        Map<Integer, YIntervalSeries> series = new LinkedHashMap<>();
        shownL.forEach(l -> series.put(l, new YIntervalSeries("L = " + l)));
        int lastDelay = 0;
        int lastVisible = 0; // the largest delay any readout count still remembers above MEMORY_SHOWN
        long replicas = 0;
        for (Row r : rows) {
            int l = r.getAs("readouts");
            int k = r.getAs("delay");
            double mean = r.getAs("mean");
            lastDelay = Math.max(lastDelay, k);
            replicas = Math.max(replicas, r.<Long>getAs("replicas"));
            if (mean >= MEMORY_SHOWN) {
                lastVisible = Math.max(lastVisible, k);
            }
            if (series.containsKey(l)) {
                series.get(l).add(k, mean, r.<Double>getAs("low"), r.<Double>getAs("high"));
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        series.values().forEach(data::addSeries);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
            renderer.setSeriesFillPaint(i, ChartStyle.color(i));
            renderer.setSeriesStroke(i, ChartStyle.solid());
        }
        renderer.setAlpha(0.2f);
        NumberAxis x = new NumberAxis("delay k");
        NumberAxis y = new NumberAxis("mₖ (squared correlation)");
        y.setRange(0, 1.05);
        // Memory fades within a few N steps while max_delay may be far larger: the flat tail would squeeze the curve
        // into the left edge, so the axis ends half as far again beyond the last delay still remembered.
        int shown = Math.min(lastDelay, Math.max(10, (int) Math.ceil(1.5 * lastVisible)));
        x.setRange(0, Math.max(1, shown));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        String setting = "none".equals(knob) ? "" : ", " + knob + " = " + value;
        JFreeChart chart = new JFreeChart("Memory function — " + v.name() + ", N = " + v.n() + setting,
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Path file = dir.resolve("memory_curve_" + v.tag() + "_n" + v.n() + ".png");
        ChartStyle.save(chart, file);
        String cut = shown < lastDelay ? String.format(Locale.ROOT, "; delays beyond %d, where every m_k is below "
                + "%.2f, are not drawn (measured up to %d)", shown, MEMORY_SHOWN, lastDelay) : "";
        String subset = shownL.size() < all.size() ? String.format(Locale.ROOT, " (%d of the %d measured, spread "
                + "over their range)", shownL.size(), all.size()) : "";
        return Optional.of(new Figure(file, "Memory function m_k, " + v.name() + ", N = " + v.n(),
                "m_k against delay k for each readout count L" + subset
                        + ("none".equals(knob) ? "" : " at the lowest " + knob + " value (" + value + ")")
                        + ": lines are the mean over replicas, shaded bands span the minimum to the maximum across "
                        + "the " + replicas + " replicas" + cut + "."));
    }

    /** At most {@code max} of the sorted values, evenly spread, first and last included. */
    static List<Integer> spread(List<Integer> sorted, int max) {
        if (sorted.size() <= max) {
            return sorted;
        }
        TreeSet<Integer> out = new TreeSet<>();
        for (int i = 0; i < max; i++) {
            out.add(sorted.get((int) Math.round(i * (sorted.size() - 1) / (double) (max - 1))));
        }
        return new ArrayList<>(out);
    }

    /** Stacked kept capacity per degree against L, at the variant's lowest and highest knob value. */
    static List<Figure> ipcByDegree(SparkSession spark, Path dir, FigureMaker.Variant v) {
        Row extremes = v.points(spark).where("ipc_total IS NOT NULL")
                .selectExpr("min(correlation) AS lo", "max(correlation) AS hi", "first(knob) AS knob").first();
        if (extremes.getAs("lo") == null) {
            return List.of();
        }
        List<Figure> out = new ArrayList<>();
        double lo = extremes.getAs("lo");
        double hi = extremes.getAs("hi");
        out.add(ipcByDegree(spark, dir, v, extremes.getAs("knob"), lo));
        if (hi != lo) {
            out.add(ipcByDegree(spark, dir, v, extremes.getAs("knob"), hi));
        }
        return out;
    }

    private static Figure ipcByDegree(SparkSession spark, Path dir, FigureMaker.Variant v, String knob,
                                      double value) {
        List<Row> rows = v.points(spark).where(col("correlation").equalTo(value).and(col("ipc_by_degree")
                        .isNotNull()))
                .selectExpr("readouts", "posexplode(ipc_by_degree) AS (pos, capacity)")
                .groupBy("readouts", "pos").avg("capacity").withColumnRenamed("avg(capacity)", "capacity")
                .orderBy("pos", "readouts").collectAsList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Row r : rows) {
            data.addValue(r.<Double>getAs("capacity"), "degree " + (r.<Integer>getAs("pos") + 1),
                    r.<Integer>getAs("readouts"));
        }
        String setting = "none".equals(knob) ? "" : ", " + knob + " = " + value;
        JFreeChart chart = ChartFactory.createStackedBarChart("Capacity by degree — " + v.name() + ", N = " + v.n()
                + setting, "readout neurons L", "information processing capacity", data, PlotOrientation.VERTICAL,
                true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        for (int i = 0; i < data.getRowCount(); i++) {
            plot.getRenderer().setSeriesPaint(i, ChartStyle.color(i));
        }
        String tag = Double.toString(value).replace('.', 'p').replace('-', 'm');
        Path file = dir.resolve("ipc_by_degree_" + v.tag() + "_n" + v.n() + "_c" + tag + ".png");
        ChartStyle.save(chart, file);
        return new Figure(file, "IPC by degree vs readout count, " + v.name() + ", N = " + v.n() + setting,
                "Kept information processing capacity per polynomial degree, stacked, mean over replicas.");
    }
}
