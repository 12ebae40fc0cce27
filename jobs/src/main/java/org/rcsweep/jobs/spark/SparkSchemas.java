package org.rcsweep.jobs.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rcsweep.tables.Column;
import org.rcsweep.tables.TableSchema;

/** Spark schemas built from the result-table definitions in the datasets module (column docs become comments). */
public final class SparkSchemas {
    /** The Parquet footer entry in which Spark keeps a file's schema (ParquetReadSupport.SPARK_METADATA_KEY). */
    public static final String PARQUET_METADATA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    private SparkSchemas() {
    }

    public static StructType of(TableSchema table) {
        StructField[] fields = table.columns().stream().map(SparkSchemas::field).toArray(StructField[]::new);
        return new StructType(fields);
    }

    private static StructField field(Column c) {
        Metadata comment = new MetadataBuilder().putString("comment", c.description()).build();
        return new StructField(c.name(), type(c), c.nullable(), comment);
    }

    private static DataType type(Column c) {
        return switch (c.type()) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case DOUBLE_ARRAY -> DataTypes.createArrayType(DataTypes.DoubleType, false);
            case INT_ARRAY -> DataTypes.createArrayType(DataTypes.IntegerType, false);
        };
    }
}
