/**
 * Writing result-table rows straight to Parquet files with parquet-hadoop: the schema mapping of every column type
 * and a row writer, with no Spark SQL in between (no row conversion, no generated code, no job per file). The files
 * have the layout Spark itself writes for the same schema, so Spark, DuckDB and pyarrow read them alike.
 */
package org.rcsweep.parquet;
