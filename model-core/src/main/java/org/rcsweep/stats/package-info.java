/**
 * Streaming statistics over reservoir states: shifted, chunked Gram and cross-moment accumulators whose memory does
 * not grow with the number of time steps, the kernels they run on (the fixed-order SIMD AᵀB product, the FFT
 * cross-correlation of delayed-input targets), the fixed-order dot product the reservoirs' row products share, and
 * the correlation statistics of readout sets.
 */
package org.rcsweep.stats;
