/**
 * The i.i.d. driving inputs used by capacity measurements (uniform, Gaussian, binary). Benchmark series and
 * user-supplied signals live in the datasets module.
 */
package org.rcsweep.input;
