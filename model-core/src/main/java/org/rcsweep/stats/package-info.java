/**
 * Streaming statistics over reservoir states: shifted, chunked Gram and cross-moment accumulators whose memory does
 * not grow with the number of time steps, and the correlation statistics of readout sets.
 */
package org.rcsweep.stats;
