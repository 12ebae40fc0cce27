/**
 * The i.i.d. driving input: {@link org.rcsweep.input.InputSignal}, an endless stream of one law (uniform, Gaussian or
 * binary; {@link org.rcsweep.spec.InputDistribution}) drawn from its own seeded generator. Each use has its own
 * stream: the input that drives a simulation, the pre-history of its delayed targets, the IPC surrogate inputs and
 * a model's learning phase.
 */
package org.rcsweep.input;
