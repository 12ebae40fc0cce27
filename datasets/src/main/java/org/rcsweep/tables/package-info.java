/**
 * Result-table schemas (every column's name, type and meaning) and the conversion of evaluation results into rows of
 * those tables. Spark-free: {@code org.rcsweep.parquet} writes the rows to Parquet files, and the jobs module
 * derives its Spark schemas from these definitions.
 */
package org.rcsweep.tables;
