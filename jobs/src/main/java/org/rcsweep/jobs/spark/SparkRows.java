package org.rcsweep.jobs.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.util.List;

/**
 * Spark rows from the datasets module's cells. Spark's row encoder takes array columns as Java arrays or Scala
 * sequences, not {@code java.util.List}, so list cells are turned into arrays here.
 */
public final class SparkRows {
    private SparkRows() {
    }

    public static Row of(Object[] cells) {
        Object[] values = cells.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof List<?> list) {
                values[i] = list.toArray();
            }
        }
        return RowFactory.create(values);
    }
}
