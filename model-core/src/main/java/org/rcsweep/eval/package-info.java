/**
 * Evaluation of one sweep point, end to end and Spark-free: build the reservoir, drive it, accumulate, solve every
 * readout count, evaluate the theories, and report a status instead of throwing. {@link
 * org.rcsweep.eval.PointEvaluator} is the function a Spark task calls; the IPC measurement it runs lives in
 * {@link org.rcsweep.eval.ipc}.
 */
package org.rcsweep.eval;
