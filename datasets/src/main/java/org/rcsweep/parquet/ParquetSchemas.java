package org.rcsweep.parquet;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.rcsweep.tables.Column;
import org.rcsweep.tables.TableSchema;

import java.util.List;

/**
 * The Parquet schema of a result table, as Spark writes it: strings are UTF-8 binaries, non-null columns required,
 * nullable ones optional, and a list of doubles or ints the standard three-level LIST (repeated group {@code list}
 * of required {@code element}).
 */
public final class ParquetSchemas {
    static final String SPARK_SCHEMA = "spark_schema";

    private ParquetSchemas() {
    }

    public static MessageType of(TableSchema table) {
        List<Type> fields = table.columns().stream().map(ParquetSchemas::field).toList();
        return new MessageType(SPARK_SCHEMA, fields);
    }

    private static Type field(Column c) {
        Repetition repetition = c.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
        return switch (c.type()) {
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(c.name());
            case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(c.name());
            case LONG -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(c.name());
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(c.name());
            case DOUBLE_ARRAY -> Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                    .repeatedGroup().required(PrimitiveTypeName.DOUBLE).named("element").named("list")
                    .named(c.name());
            case INT_ARRAY -> Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                    .repeatedGroup().required(PrimitiveTypeName.INT32).named("element").named("list")
                    .named(c.name());
        };
    }
}
