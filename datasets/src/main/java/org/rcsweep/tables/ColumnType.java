package org.rcsweep.tables;

/** The value types result tables use; each maps to one Parquet/Spark type. */
public enum ColumnType {
    STRING(String.class),
    INT(Integer.class),
    LONG(Long.class),
    DOUBLE(Double.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The boxed Java type of a cell of this column. */
    public Class<?> javaType() {
        return javaType;
    }
}
