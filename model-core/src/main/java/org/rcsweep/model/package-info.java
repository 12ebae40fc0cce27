/**
 * Reservoir models behind one small interface that advances a chunk of time steps, and the factory that rebuilds a
 * model's weights on an executor from its spec and seed. Owns the dynamics equations (rate, state-space, gated and
 * spiking reservoirs; spiking ones expose filtered spike trains as features and count spikes), the learning phase
 * of networks that learn their weights with local rules before they are frozen and measured, and the fixed-order
 * SIMD row products and tanh they share.
 */
package org.rcsweep.model;
