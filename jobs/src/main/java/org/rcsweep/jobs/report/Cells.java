package org.rcsweep.jobs.report;

import org.apache.spark.sql.Row;

import java.util.Locale;

/** Reading result rows by column name, and the number formats the report's tables and sentences share. */
final class Cells {
    /** Shown for an empty cell. */
    static final String NONE = "—";

    private Cells() {
    }

    static boolean has(Row r, String column) {
        return r.schema() != null && java.util.Arrays.asList(r.schema().fieldNames()).contains(column);
    }

    /** The cell of {@code column}, null when the column is absent or the cell is null. */
    static Object get(Row r, String column) {
        if (!has(r, column)) {
            return null;
        }
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? null : r.get(i);
    }

    static Double dbl(Row r, String column) {
        Object v = get(r, column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    static Integer integer(Row r, String column) {
        Object v = get(r, column);
        return v == null ? null : ((Number) v).intValue();
    }

    static Long lng(Row r, String column) {
        Object v = get(r, column);
        return v == null ? null : ((Number) v).longValue();
    }

    static String str(Row r, String column) {
        Object v = get(r, column);
        return v == null ? null : String.valueOf(v);
    }

    /** Two decimals: 0.45. */
    static String fixed(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** One decimal: 12.3. */
    static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A readout count as written: 5, not 5.0; otherwise one decimal. */
    static String whole(double l) {
        return l == Math.rint(l) ? String.valueOf((long) l) : one(l);
    }

    /** Three significant digits, plain notation where reasonable. */
    static String sig(double v) {
        if (v == 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6)) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    /** A relative error as a percentage: 0.5%, 3.2%, 41%. */
    static String percent(double fraction) {
        double p = 100 * fraction;
        return String.format(Locale.ROOT, p >= 10 ? "%.0f%%" : p >= 1 ? "%.1f%%" : "%.2f%%", p);
    }

    /** An estimate with its interval: {@code 0.45 [0.41, 0.49]}, or the estimate alone. */
    static String withInterval(double estimate, Double low, Double high) {
        return low == null || high == null ? fixed(estimate)
                : fixed(estimate) + " [" + fixed(low) + ", " + fixed(high) + "]";
    }

    /** Seconds as 42 s, 3.5 min or 2.1 h. */
    static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        return seconds < 7200 ? String.format(Locale.ROOT, "%.1f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
