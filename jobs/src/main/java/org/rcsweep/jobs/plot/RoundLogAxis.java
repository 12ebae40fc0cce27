package org.rcsweep.jobs.plot;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A log axis whose ticks sit at round numbers: powers of ten, or 1, 2 (3) and 5 times them, or every integer multiple,
 * whichever is the sparsest to put at least four ticks in the range. JFreeChart's own log axis steps evenly in the
 * exponent, so it labels a readout axis from 5 to 40 with 5.01, 6.31, 7.94, 10, 12.59 …: numbers no one measured at.
 */
final class RoundLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    /** Mantissas tried in turn, until at least {@link #MIN_TICKS} ticks fall in the range. */
    private static final double[][] MANTISSAS = {{1}, {1, 2, 5}, {1, 2, 3, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
    private static final int MIN_TICKS = 4;

    RoundLogAxis(String label) {
        super(label);
    }

    @Override
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    }

    @Override
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
    }

    private List<ValueTick> ticks(TextAnchor anchor) {
        List<ValueTick> ticks = new ArrayList<>();
        for (double value : values(getRange(), getSmallestValue())) {
            ticks.add(new LogTick(TickType.MAJOR, value, createTickLabel(value), anchor));
        }
        return ticks;
    }

    /**
     * The round values inside the range (both ends included), from the first mantissa set that gives enough; within
     * less than a decade even all nine may give fewer, and a range between two of them gets its two ends.
     */
    static List<Double> values(Range range, double smallest) {
        double lo = Math.max(range.getLowerBound(), smallest);
        double hi = range.getUpperBound();
        List<Double> out = new ArrayList<>();
        if (!(hi >= lo) || !(lo > 0) || Double.isInfinite(hi)) {
            return out;
        }
        for (double[] mantissas : MANTISSAS) {
            out.clear();
            for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
                double decade = Math.pow(10, e);
                for (double m : mantissas) {
                    // Rounded so that 0.1·3 prints and compares as 0.3.
                    double v = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", m * decade));
                    if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
                        out.add(v);
                    }
                }
            }
            if (out.size() >= MIN_TICKS) {
                break;
            }
        }
        if (out.size() < 2) {
            out.clear();
            out.add(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", lo)));
            out.add(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", hi)));
        }
        return out;
    }
}
