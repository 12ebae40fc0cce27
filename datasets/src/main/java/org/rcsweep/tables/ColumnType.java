package org.rcsweep.tables;

/** The value types result tables use; each maps to one Parquet/Spark type. */
public enum ColumnType {
    STRING(String.class),
    INT(Integer.class),
    LONG(Long.class),
    DOUBLE(Double.class),
    /** A list of doubles (Parquet LIST, Spark array&lt;double&gt;); cells are {@code java.util.List<Double>}. */
    DOUBLE_ARRAY(java.util.List.class),
    /** A list of ints (Parquet LIST of INT32, Spark array&lt;int&gt;); cells are {@code java.util.List<Integer>}. */
    INT_ARRAY(java.util.List.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The Java type (boxed, or an interface) every cell of this column is an instance of. */
    public Class<?> javaType() {
        return javaType;
    }
}
