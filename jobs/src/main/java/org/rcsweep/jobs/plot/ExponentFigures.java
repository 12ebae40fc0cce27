package org.rcsweep.jobs.plot;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.rcsweep.jobs.analysis.VariantLabels;

import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The power-law exponent α of memory capacity across groups: against the knob value, and against N. */
final class ExponentFigures {
    /** Sideways shift between neighbouring lines, as a fraction of the x range (of its logarithm for N). */
    private static final double DODGE = 0.012;

    private ExponentFigures() {
    }

    /** A copy of {@code s} shifted sideways by its place among {@code count} lines, so that intervals stay apart. */
    private static YIntervalSeries dodged(YIntervalSeries s, int index, int count, boolean log, double xMin,
                                          double xMax) {
        double step = DODGE * (log ? Math.log(xMax / xMin) : xMax - xMin) * (index - (count - 1) / 2.0);
        YIntervalSeries out = new YIntervalSeries(s.getKey());
        for (int i = 0; i < s.getItemCount(); i++) {
            double x = s.getX(i).doubleValue();
            out.add(log ? x * Math.exp(step) : x + step, s.getYValue(i), s.getYLowValue(i), s.getYHighValue(i));
        }
        return out;
    }

    /**
     * α with its 95% interval against {@code x} (correlation or n), one line per model variant and value of
     * {@code seriesBy}; empty when the fits have fewer than two values of x (a single column of intervals shows no
     * dependence).
     */
    static List<Figure> alphaVs(SparkSession spark, Path dir, String x, String seriesBy) {
        List<Row> rows = spark.sql("SELECT model, model_params, knob, " + seriesBy + " AS series, " + x + " AS x, "
                + "estimate, ci_low, ci_high FROM fits WHERE metric = 'mc_total' AND law = 'power' "
                + "AND parameter = 'alpha' AND estimate IS NOT NULL AND " + x + " IS NOT NULL "
                + "ORDER BY model, model_params, knob, " + seriesBy + ", " + x).collectAsList();
        if (rows.stream().map(r -> ((Number) r.getAs("x")).doubleValue()).distinct().count() < 2) {
            return List.of();
        }
        Map<String, String> variants = VariantLabels.of(rows.stream().map(r -> r.<String>getAs("model_params"))
                .filter(java.util.Objects::nonNull).toList());
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (Row r : rows) {
            Object by = r.getAs("series");
            String setting = seriesBy.equals("n") ? "N = " + by : r.getAs("knob") + " = " + by;
            String name = VariantLabels.named(r.getAs("model"), variants.get(r.<String>getAs("model_params"))) + ", "
                    + setting;
            double est = r.getAs("estimate");
            Double lo = r.getAs("ci_low");
            Double hi = r.getAs("ci_high");
            double at = ((Number) r.getAs("x")).doubleValue();
            xMin = Math.min(xMin, at);
            xMax = Math.max(xMax, at);
            series.computeIfAbsent(name, YIntervalSeries::new).add(at, est, lo == null ? est : lo,
                    hi == null ? est : hi);
        }
        boolean logN = x.equals("n");
        String xLabel = logN ? "reservoir size N" : "correlation knob value";
        List<List<YIntervalSeries>> parts = FigureMaker.chunks(new ArrayList<>(series.values()));
        List<Figure> figures = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            List<YIntervalSeries> in = parts.get(p);
            for (int i = 0; i < in.size(); i++) {
                data.addSeries(dodged(in.get(i), i, in.size(), logN, xMin, xMax));
            }
            XYErrorRenderer renderer = new XYErrorRenderer();
            renderer.setDrawXError(false);
            renderer.setDefaultLinesVisible(true);
            renderer.setErrorStroke(ChartStyle.thin());
            renderer.setCapLength(8);
            for (int i = 0; i < data.getSeriesCount(); i++) {
                renderer.setSeriesPaint(i, ChartStyle.color(i));
                renderer.setSeriesStroke(i, ChartStyle.solid());
                renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
            }
            ValueAxis xAxis;
            if (logN) {
                LogAxis axis = ChartStyle.logAxis(xLabel + " (log scale)");
                axis.setRange(xMin / 1.2, xMax * 1.2);
                xAxis = axis;
            } else {
                NumberAxis axis = new NumberAxis(xLabel);
                double pad = 0.05 * (xMax - xMin);
                axis.setRange(xMin - pad, xMax + pad);
                axis.setLabelFont(new Font("SansSerif", Font.PLAIN, 14));
                xAxis = axis;
            }
            NumberAxis y = new NumberAxis("exponent α (95% interval)");
            y.setAutoRangeIncludesZero(false);
            y.setLabelFont(new Font("SansSerif", Font.PLAIN, 14));
            XYPlot plot = new XYPlot(data, xAxis, y, renderer);
            String suffix = FigureMaker.partTitle(p, parts.size());
            JFreeChart chart = new JFreeChart("Exponent α of MC ∝ L^α vs " + xLabel + suffix,
                    JFreeChart.DEFAULT_TITLE_FONT, plot, true);
            Path file = dir.resolve(FigureMaker.part("alpha_vs_" + x, p));
            ChartStyle.save(chart, file);
            figures.add(new Figure(file, "Exponent α vs " + xLabel + suffix, "Power-law exponent of memory "
                    + "capacity against readout count, with 95% bootstrap intervals over replicas (error bars); one "
                    + "line per model variant and " + (seriesBy.equals("n") ? "N" : "knob value")
                    + (logN ? "; N on a log scale" : "") + (in.size() > 1 ? "; the lines are shifted slightly "
                    + "sideways so that their intervals do not hide each other" : "") + "."));
        }
        return figures;
    }
}
