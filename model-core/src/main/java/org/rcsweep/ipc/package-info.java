/**
 * Information processing capacity: orthonormal polynomial target bases per input law, target families and their
 * enumeration, χ² quantiles and shuffle surrogates for spurious-capacity thresholds, and the blocked, early-stopping
 * evaluator that measures every readout count at once.
 */
package org.rcsweep.ipc;
