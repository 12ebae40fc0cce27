package org.rcsweep.model;

import java.io.Serializable;

/**
 * How far each neuron's lateral (recurrent) input cancels its feedforward input over a window of steps.
 *
 * @param correlation the mean over neurons of corr(feedforward input, lateral input): 0 without lateral input,
 *                    −1 at perfect cancellation
 * @param residual    Σ_i var(feedforward_i + lateral_i) / Σ_i var(feedforward_i): the fraction of the feedforward
 *                    input's variance left in the net input (1 without lateral input, 0 at perfect cancellation)
 */
public record InputBalance(double correlation, double residual) implements Serializable {
}
