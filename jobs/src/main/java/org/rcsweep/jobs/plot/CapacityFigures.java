package org.rcsweep.jobs.plot;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

/** Memory capacity against readout count L, per model variant and N: the simulation and its fits, and theory. */
final class CapacityFigures {
    /** Theories as (column alias, legend words, stroke). */
    private static final String[] THEORY = {"correlated", "independent", "linear", "meanfield"};
    private static final String[] THEORY_WORDS = {"correlation-aware theory", "independent-neuron theory",
        "linear (linearised) theory", "mean-field theory"};

    private CapacityFigures() {
    }

    /** Rows of one knob value (a colour in the figures), in order of L. */
    private record Group(String knob, Double value, List<Row> rows) {
        String label() {
            return "none".equals(knob) ? "" : String.valueOf(value);
        }
    }

    private static List<Group> groups(List<Row> rows) {
        Map<Double, Group> out = new LinkedHashMap<>();
        for (Row r : rows) {
            Double value = r.getAs("correlation");
            out.computeIfAbsent(value, v -> new Group(r.getAs("knob"), v, new ArrayList<>())).rows().add(r);
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Simulated MC against L on log–log axes for each knob value: mean over replicas (dots), the replicas' min–max
     * as a band, and the power law a·L^α of the fits table over the measured L (dashed).
     */
    static List<Figure> mcVsL(SparkSession spark, Path dir, FigureMaker.Variant v, Map<String, double[]> laws) {
        List<Row> rows = v.points(spark).where("mc_total IS NOT NULL").groupBy("knob", "correlation", "readouts")
                .agg(avg("mc_total").as("mean"), min("mc_total").as("low"), max("mc_total").as("high"),
                        countDistinct("replica").as("replicas"))
                .orderBy("correlation", "readouts").collectAsList();
        List<Group> groups = groups(rows);
        long replicas = rows.stream().mapToLong(r -> r.<Long>getAs("replicas")).max().orElse(0);
        List<List<Group>> parts = FigureMaker.chunks(groups);
        List<Figure> figures = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
            XYSeriesCollection fitted = new XYSeriesCollection();
            DeviationRenderer bandRenderer = new DeviationRenderer(true, true);
            XYLineAndShapeRenderer fitRenderer = new XYLineAndShapeRenderer(true, false);
            EndLabels labels = new EndLabels();
            Extent extent = new Extent();
            boolean anyFit = false;
            for (Group g : parts.get(p)) {
                int colour = groups.indexOf(g);
                YIntervalSeries s = new YIntervalSeries(g.label() + "#" + colour);
                double lastL = Double.NaN;
                double lastMc = Double.NaN;
                for (Row r : g.rows()) {
                    double mean = r.<Double>getAs("mean");
                    if (!(mean > 0)) {
                        continue;
                    }
                    double l = r.<Integer>getAs("readouts");
                    double low = r.<Double>getAs("low") > 0 ? r.<Double>getAs("low") : mean;
                    s.add(l, mean, low, r.<Double>getAs("high"));
                    extent.add(l, low);
                    extent.add(l, r.<Double>getAs("high"));
                    lastL = l;
                    lastMc = mean;
                }
                if (s.getItemCount() == 0) {
                    continue;
                }
                int i = bands.getSeriesCount();
                bands.addSeries(s);
                bandRenderer.setSeriesPaint(i, ChartStyle.color(colour));
                bandRenderer.setSeriesFillPaint(i, ChartStyle.color(colour));
                bandRenderer.setSeriesStroke(i, ChartStyle.solid());
                bandRenderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
                double[] law = laws.get(FigureMaker.key(v.params(), v.n(), g.knob(), g.value()));
                String label = g.label();
                if (law != null) {
                    anyFit = true;
                    XYSeries f = new XYSeries("fit#" + colour);
                    double from = s.getX(0).doubleValue();
                    double to = lastL;
                    for (int k = 0; k <= 20; k++) {
                        double l = from * Math.pow(to / from, k / 20.0);
                        f.add(l, law[0] * Math.pow(l, law[1]));
                        extent.add(l, law[0] * Math.pow(l, law[1]));
                    }
                    int j = fitted.getSeriesCount();
                    fitted.addSeries(f);
                    fitRenderer.setSeriesPaint(j, ChartStyle.color(colour));
                    fitRenderer.setSeriesStroke(j, ChartStyle.dashed());
                    label = (label.isEmpty() ? "" : label + "  ") + String.format(Locale.ROOT, "α = %.2f", law[1]);
                }
                labels.add(label, lastL, lastMc, ChartStyle.color(colour));
            }
            if (bands.getSeriesCount() == 0) {
                continue;
            }
            bandRenderer.setAlpha(0.22f);
            XYPlot plot = logLogPlot(extent, "readout neurons L (log scale)", "memory capacity MC (log scale)");
            plot.setDataset(0, bands);
            plot.setRenderer(0, bandRenderer);
            plot.setDataset(1, fitted);
            plot.setRenderer(1, fitRenderer);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            labels.drawOn(plot, extent.yLow(), extent.yHigh(), true, 1.06);
            LegendItemCollection legend = new LegendItemCollection();
            legend.add(ChartStyle.styleItem("simulation: mean over replicas; band: min–max across the " + replicas
                    + " replicas", ChartStyle.solid(), true));
            if (anyFit) {
                legend.add(ChartStyle.styleItem("power law a·L^α fitted to all replicas", ChartStyle.dashed(),
                        false));
            }
            plot.setFixedLegendItems(legend);
            String knob = parts.get(p).get(0).knob();
            JFreeChart chart = chart("Memory capacity vs readouts — " + v.name() + ", N = " + v.n()
                    + FigureMaker.partTitle(p, parts.size()), plot, labelsSubtitle(knob, anyFit));
            Path file = dir.resolve(FigureMaker.part("mc_vs_l_" + v.tag() + "_n" + v.n(), p));
            ChartStyle.save(chart, file);
            figures.add(new Figure(file, "Memory capacity vs readout count, " + v.name() + ", N = " + v.n()
                    + FigureMaker.partTitle(p, parts.size()), "Simulated memory capacity against readout count L "
                    + "(log–log): dots are the mean over replicas and the shaded band spans the minimum to the "
                    + "maximum across the " + replicas + " replicas" + (anyFit ? "; the dashed line is the power law "
                    + "a·L^α of the fits table, drawn over the measured L" : "") + ". "
                    + ("none".equals(knob) ? "" : "One colour per " + knob + " value, labelled at the right end"
                    + (anyFit ? " with the fitted α" : "") + ".")));
        }
        return figures;
    }

    /**
     * Mean simulated MC against the four theories, each knob value a colour (labelled at the line's end) and each
     * theory a line style; empty when no theory was computed.
     */
    static List<Figure> theoryVsSimulation(SparkSession spark, Path dir, FigureMaker.Variant v) {
        List<Row> rows = v.points(spark).groupBy("knob", "correlation", "readouts")
                .agg(avg("mc_total").as("simulation"), avg("mc_theory_correlated").as("correlated"),
                        avg("mc_theory_independent").as("independent"), avg("mc_theory_linear").as("linear"),
                        avg("mc_theory_meanfield").as("meanfield"),
                        first("theory_linear_kind", true).as("linear_kind"))
                .orderBy("correlation", "readouts").collectAsList();
        boolean anyTheory = rows.stream().anyMatch(r -> r.getAs("correlated") != null
                || r.getAs("independent") != null || r.getAs("linear") != null || r.getAs("meanfield") != null);
        if (!anyTheory) {
            return List.of();
        }
        List<Group> groups = groups(rows);
        List<List<Group>> parts = FigureMaker.chunks(groups);
        Stroke[] strokes = {ChartStyle.dashed(), ChartStyle.dotted(), ChartStyle.dashDot(), ChartStyle.longDashed()};
        List<Figure> figures = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
            EndLabels labels = new EndLabels();
            Extent extent = new Extent();
            boolean[] used = new boolean[THEORY.length];
            for (Group g : parts.get(p)) {
                int colour = groups.indexOf(g);
                for (int kind = -1; kind < THEORY.length; kind++) {
                    String column = kind < 0 ? "simulation" : THEORY[kind];
                    XYSeries s = new XYSeries(column + "#" + colour);
                    for (Row r : g.rows()) {
                        Double y = r.getAs(column);
                        if (y != null && y > 0) {
                            s.add(r.<Integer>getAs("readouts").doubleValue(), y.doubleValue());
                            extent.add(r.<Integer>getAs("readouts"), y);
                        }
                    }
                    if (s.getItemCount() == 0) {
                        continue;
                    }
                    int i = data.getSeriesCount();
                    data.addSeries(s);
                    renderer.setSeriesPaint(i, ChartStyle.color(colour));
                    renderer.setSeriesStroke(i, kind < 0 ? ChartStyle.solid() : strokes[kind]);
                    renderer.setSeriesShapesVisible(i, kind < 0);
                    renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
                    if (kind < 0) {
                        labels.add(g.label(), s.getMaxX(), s.getY(s.getItemCount() - 1).doubleValue(),
                                ChartStyle.color(colour));
                    } else {
                        used[kind] = true;
                    }
                }
            }
            if (data.getSeriesCount() == 0) {
                continue;
            }
            XYPlot plot = logLogPlot(extent, "readout neurons L (log scale)", "memory capacity MC (log scale)");
            plot.setDataset(data);
            plot.setRenderer(renderer);
            String knob = parts.get(p).get(0).knob();
            if (!"none".equals(knob)) {
                labels.drawOn(plot, extent.yLow(), extent.yHigh(), true, 1.06);
            }
            LegendItemCollection legend = new LegendItemCollection();
            legend.add(ChartStyle.styleItem("simulation (mean over replicas)", ChartStyle.solid(), true));
            List<String> styles = new ArrayList<>();
            String[] styleWords = {"dashed", "dotted", "dash-dot", "long dashes"};
            for (int k = 0; k < THEORY.length; k++) {
                if (used[k]) {
                    legend.add(ChartStyle.styleItem(THEORY_WORDS[k], strokes[k], false));
                    styles.add(styleWords[k] + ": " + THEORY_WORDS[k]);
                }
            }
            plot.setFixedLegendItems(legend);
            JFreeChart chart = chart("Theory vs simulation — " + v.name() + ", N = " + v.n()
                    + FigureMaker.partTitle(p, parts.size()), plot, "none".equals(knob) ? null
                    : "line colour: " + knob + " value (labelled at the right end)");
            Path file = dir.resolve(FigureMaker.part("mc_theory_" + v.tag() + "_n" + v.n(), p));
            ChartStyle.save(chart, file);
            figures.add(new Figure(file, "Theory vs simulation, " + v.name() + ", N = " + v.n()
                    + FigureMaker.partTitle(p, parts.size()), "Simulated memory capacity (solid with dots, mean over "
                    + "replicas) and the theories' predictions (" + String.join("; ", styles) + "; each the mean "
                    + "over replicas) against readout count L, log–log. "
                    + ("none".equals(knob) ? "" : "One colour per " + knob + " value, labelled at the right end. ")
                    + "The relative errors are in the table 'Theory versus simulation'."));
        }
        return figures;
    }

    private static String labelsSubtitle(String knob, boolean fits) {
        if ("none".equals(knob)) {
            return null;
        }
        return "line labels: " + knob + " value" + (fits ? " and fitted exponent α" : "");
    }

    static JFreeChart chart(String title, XYPlot plot, String subtitle) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        if (subtitle != null) {
            chart.addSubtitle(new TextTitle(subtitle, new Font("SansSerif", Font.PLAIN, 13)));
        }
        return chart;
    }

    /** Log–log axes over the data's extent, with room on the right for line labels. */
    private static XYPlot logLogPlot(Extent e, String xLabel, String yLabel) {
        XYPlot plot = new XYPlot();
        LogAxis x = ChartStyle.logAxis(xLabel);
        x.setRange(e.xLow() / 1.12, e.xHigh() * 1.65);
        LogAxis y = ChartStyle.logAxis(yLabel);
        y.setRange(e.yLow(), e.yHigh());
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        return plot;
    }

    /** The smallest and largest x and y added, with a margin on the log scale. */
    static final class Extent {
        private double xMin = Double.POSITIVE_INFINITY;
        private double xMax = Double.NEGATIVE_INFINITY;
        private double yMin = Double.POSITIVE_INFINITY;
        private double yMax = Double.NEGATIVE_INFINITY;

        void add(double x, double y) {
            if (x > 0 && y > 0 && Double.isFinite(x) && Double.isFinite(y)) {
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }

        double xLow() {
            return xMin;
        }

        double xHigh() {
            return xMax;
        }

        double yLow() {
            return yMin / Math.pow(yMax / yMin, 0.06) / 1.02;
        }

        double yHigh() {
            return yMax * Math.pow(yMax / yMin, 0.06) * 1.02;
        }
    }
}
