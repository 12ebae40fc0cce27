/**
 * Evaluation of one sweep point, end to end and Spark-free: build, drive, accumulate, measure, and report a status
 * instead of throwing. This is the function a Spark task calls.
 */
package org.rcsweep.eval;
