package org.rcsweep.jobs.sql;

import org.apache.spark.sql.Row;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** Renders a result set as an aligned text table (numbers right-aligned, doubles to 6 significant digits). */
public final class TableFormatter {
    private TableFormatter() {
    }

    public static String format(String[] header, List<Row> rows) {
        int cols = header.length;
        List<String[]> cells = new ArrayList<>();
        boolean[] numeric = new boolean[cols];
        java.util.Arrays.fill(numeric, true);
        for (Row r : rows) {
            String[] line = new String[cols];
            for (int i = 0; i < cols; i++) {
                Object v = r.get(i);
                line[i] = text(v);
                numeric[i] &= v == null || v instanceof Number;
            }
            cells.add(line);
        }
        int[] width = new int[cols];
        for (int i = 0; i < cols; i++) {
            width[i] = header[i].length();
            for (String[] line : cells) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, header, width, new boolean[cols]);
        for (int i = 0; i < cols; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        sb.append('\n');
        for (String[] line : cells) {
            appendLine(sb, line, width, numeric);
        }
        sb.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, String[] line, int[] width, boolean[] right) {
        for (int i = 0; i < line.length; i++) {
            String pad = " ".repeat(width[i] - line[i].length());
            sb.append(i == 0 ? "" : "  ").append(right[i] ? pad + line[i] : line[i] + (i == line.length - 1 ? "" : pad));
        }
        sb.append('\n');
    }

    static String text(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                return d.toString();
            }
            return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        if (v instanceof scala.collection.Seq<?> seq) {
            List<String> parts = new ArrayList<>();
            for (Object o : scala.jdk.javaapi.CollectionConverters.asJava(seq)) {
                parts.add(text(o));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(v);
    }
}
