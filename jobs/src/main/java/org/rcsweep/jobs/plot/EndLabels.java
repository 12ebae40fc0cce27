package org.rcsweep.jobs.plot;

import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Labels written at the right end of lines, in the lines' colours, instead of a legend entry per line; labels that
 * would overlap are pushed apart vertically. Works on logarithmic axes (positions are spaced in log units there).
 */
final class EndLabels {
    /** Smallest vertical gap between two labels, as a fraction of the axis range (in log units on a log axis). */
    private static final double GAP = 0.045;
    private final List<Label> labels = new ArrayList<>();

    private record Label(String text, double x, double y, Paint paint) {
    }

    void add(String text, double x, double y, Paint paint) {
        if (Double.isFinite(x) && Double.isFinite(y)) {
            labels.add(new Label(text, x, y, paint));
        }
    }

    boolean isEmpty() {
        return labels.isEmpty();
    }

    /**
     * Adds the labels to {@code plot} just right of their points. {@code yLow} and {@code yHigh} are the ends of the
     * y range shown; {@code xFactor} moves each label right of its point (a factor on a log x axis).
     */
    void drawOn(XYPlot plot, double yLow, double yHigh, boolean logY, double xFactor) {
        double lo = logY ? Math.log10(yLow) : yLow;
        double hi = logY ? Math.log10(yHigh) : yHigh;
        double gap = GAP * (hi - lo);
        List<double[]> placed = new ArrayList<>(); // {index, position}
        for (int i = 0; i < labels.size(); i++) {
            double y = labels.get(i).y();
            placed.add(new double[] {i, logY ? Math.log10(y) : y});
        }
        placed.sort(Comparator.comparingDouble(p -> p[1]));
        for (int i = 1; i < placed.size(); i++) {
            placed.get(i)[1] = Math.max(placed.get(i)[1], placed.get(i - 1)[1] + gap);
        }
        // Pushed past the top: shift the whole stack down as far as needed.
        double over = placed.isEmpty() ? 0 : placed.get(placed.size() - 1)[1] - (hi - gap / 2);
        if (over > 0) {
            placed.forEach(p -> p[1] -= over);
        }
        for (double[] p : placed) {
            Label l = labels.get((int) p[0]);
            XYTextAnnotation a = new XYTextAnnotation(l.text(), l.x() * xFactor, logY ? Math.pow(10, p[1]) : p[1]);
            a.setTextAnchor(TextAnchor.CENTER_LEFT);
            a.setFont(new Font("SansSerif", Font.BOLD, 12));
            a.setPaint(l.paint());
            plot.addAnnotation(a);
        }
    }
}
