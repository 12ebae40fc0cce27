/**
 * The sweep job: batches of points evaluated as Spark tasks (a point's IPC possibly spread over several, reassembled
 * on the driver), the output directory's commit and recovery protocol, resume, and progress reporting.
 */
package org.rcsweep.jobs.sweep;
