/**
 * Capacity estimators: the nested Cholesky factorisation (blocked, its in-block row updates in SIMD registers) with
 * its conditioning check, and linear-readout capacities (in-sample and holdout) for every nested readout count from
 * one factorisation. Owns the definition of a capacity.
 */
package org.rcsweep.capacity;
