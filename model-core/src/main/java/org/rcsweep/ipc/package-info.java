/**
 * The vocabulary of information processing capacity: orthonormal polynomial bases per input law
 * ({@link org.rcsweep.ipc.OrthonormalPolynomials}), target families and their enumeration by span
 * ({@link org.rcsweep.ipc.TargetFamily}, {@link org.rcsweep.ipc.IpcTarget}), χ² quantiles for thresholds
 * ({@link org.rcsweep.ipc.ChiSquare}) and a point's measured result ({@link org.rcsweep.ipc.IpcResult}). The
 * measurement itself is in {@link org.rcsweep.eval.ipc}.
 */
package org.rcsweep.ipc;
