/**
 * The results directory: one class ({@link org.rcsweep.jobs.results.ResultsDirectory}) on Hadoop's
 * {@code FileSystem} (plain paths, {@code file://}, {@code hdfs://}, any scheme whose connector is on the classpath)
 * that every command opens. It owns the layout, the commit protocol of sweep batches (staged outside the tables,
 * recorded with sizes and checksums, then moved into place), the single-writer lock, recovery and verification,
 * the run manifests, and the side files of the analysis commands (fits, laws, figures, reports).
 */
package org.rcsweep.jobs.results;
