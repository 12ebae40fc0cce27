/**
 * Evaluation of one sweep point, end to end and Spark-free: build, drive, accumulate, measure, and report a status
 * instead of throwing. This is the function a Spark task calls; a point whose IPC is spread over several tasks
 * also has its shards ({@link org.rcsweep.eval.IpcShard}) and their merge here.
 */
package org.rcsweep.eval;
