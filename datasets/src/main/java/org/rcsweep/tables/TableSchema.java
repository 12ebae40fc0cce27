package org.rcsweep.tables;

import java.util.List;

/** A result table: its directory name under the output directory, what one row is, and its columns in order. */
public record TableSchema(String name, String rowMeaning, List<Column> columns) {
    public TableSchema {
        columns = List.copyOf(columns);
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + column);
    }
}
