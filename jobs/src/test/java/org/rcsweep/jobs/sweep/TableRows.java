package org.rcsweep.jobs.sweep;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rcsweep.tables.Column;
import org.rcsweep.tables.TableSchema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: a table's rows as sorted text, without the columns that legitimately differ between runs. */
public final class TableRows {
    private TableRows() {
    }

    /** Doubles as their exact bits; timing columns ({@code *_seconds}) and the batch partition left out. */
    public static List<String> canonical(SparkSession spark, Path dir, TableSchema table) {
        return canonical(spark, dir.resolve(table.name()).toString(), table);
    }

    /** As {@link #canonical(SparkSession, Path, TableSchema)} for a table folder given by path or URI. */
    public static List<String> canonical(SparkSession spark, String tableDir, TableSchema table) {
        List<String> cols = new ArrayList<>();
        for (Column c : table.columns()) {
            if (!c.name().endsWith("_seconds")) {
                cols.add(c.name());
            }
        }
        List<String> out = new ArrayList<>();
        for (Row r : spark.read().parquet(tableDir)
                .selectExpr(cols.toArray(String[]::new)).collectAsList()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length(); i++) {
                Object v = r.get(i);
                sb.append(v instanceof Double d ? Long.toHexString(Double.doubleToLongBits(d)) : String.valueOf(v))
                        .append('|');
            }
            out.add(sb.toString());
        }
        out.sort(null);
        return out;
    }
}
