/**
 * The sweep job: batches of points evaluated as Spark tasks, the output directory's commit and recovery protocol,
 * resume, and progress reporting.
 */
package org.rcsweep.jobs.sweep;
