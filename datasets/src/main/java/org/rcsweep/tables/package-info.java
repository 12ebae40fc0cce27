/**
 * Result-table schemas (every column's name, type and meaning) and the conversion of evaluation results into rows of
 * those tables. Spark-free: the jobs module turns these into DataFrames.
 */
package org.rcsweep.tables;
