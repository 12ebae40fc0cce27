/**
 * Reservoir models behind one small interface that advances a chunk of time steps, and the factory that rebuilds a
 * model's weights on an executor from its spec and seed. Owns the dynamics equations.
 */
package org.rcsweep.model;
