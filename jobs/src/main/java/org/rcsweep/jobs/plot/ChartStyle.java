package org.rcsweep.jobs.plot;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Shared look of rcsweep figures (white background, readable fonts, a colour-blind-safe palette) and PNG output. */
final class ChartStyle {
    static final int WIDTH = 900;
    static final int HEIGHT = 600;
    /** Okabe–Ito colours. */
    private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0),
        new Color(240, 228, 66)};

    private ChartStyle() {
    }

    static Paint color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** The most groups one figure shows: more are split over several figures. */
    static final int MAX_GROUPS = 6;

    /** {@link #color(int)}, translucent: the fill of a band. */
    static Paint band(int i) {
        Color c = PALETTE[i % PALETTE.length];
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 60);
    }

    static Stroke thin() {
        return new BasicStroke(1.2f);
    }

    /**
     * A legend entry that explains a line style (and marker) rather than one series: figures whose colours are
     * labelled on the lines themselves keep their legend to a few such entries.
     */
    static org.jfree.chart.LegendItem styleItem(String label, Stroke stroke, boolean marker) {
        java.awt.Shape line = new java.awt.geom.Line2D.Double(-12, 0, 12, 0);
        java.awt.Shape dot = new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6);
        return new org.jfree.chart.LegendItem(label, null, null, null, marker, dot, true, Color.DARK_GRAY, false,
                Color.DARK_GRAY, stroke, true, line, stroke, Color.DARK_GRAY);
    }

    static Stroke solid() {
        return new BasicStroke(2.0f);
    }

    static Stroke dashed() {
        return new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);
    }

    static Stroke dotted() {
        return new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 4f}, 0f);
    }

    static Stroke longDashed() {
        return new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {16f, 6f}, 0f);
    }

    static Stroke dashDot() {
        return new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {10f, 4f, 2f, 4f}, 0f);
    }

    /** A log axis with ticks at round numbers ({@link RoundLogAxis}). */
    static org.jfree.chart.axis.LogAxis logAxis(String label) {
        org.jfree.chart.axis.LogAxis axis = new RoundLogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(0.1);
        axis.setNumberFormatOverride(new java.text.DecimalFormat("0.##"));
        axis.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 12));
        axis.setLabelFont(new Font("SansSerif", Font.PLAIN, 14));
        return axis;
    }

    static void save(JFreeChart chart, Path file) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof org.jfree.chart.plot.XYPlot xy) {
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
            // Larger tick labels: easier to read, and number axes then pick fewer, rounder ticks.
            xy.getDomainAxis().setTickLabelFont(new Font("SansSerif", Font.PLAIN, 12));
            xy.getRangeAxis().setTickLabelFont(new Font("SansSerif", Font.PLAIN, 12));
            xy.getDomainAxis().setLabelFont(new Font("SansSerif", Font.PLAIN, 14));
            xy.getRangeAxis().setLabelFont(new Font("SansSerif", Font.PLAIN, 14));
        } else if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot cat) {
            cat.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 18));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, 12));
        }
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
