/**
 * The sweep job: batches of points evaluated as Spark tasks (a point's IPC possibly spread over several, reassembled
 * on the driver), the output directory's commit and recovery protocol, resume, progress reporting, the code version
 * written into every row, and the fault injection that tests Spark's retries.
 */
package org.rcsweep.jobs.sweep;
