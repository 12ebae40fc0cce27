package org.rcsweep.tables;

/** One documented column of a result table. A nullable double is null where the value does not exist (never NaN). */
public record Column(String name, ColumnType type, boolean nullable, String description) {
    public static Column required(String name, ColumnType type, String description) {
        return new Column(name, type, false, description);
    }

    public static Column optional(String name, ColumnType type, String description) {
        return new Column(name, type, true, description);
    }
}
