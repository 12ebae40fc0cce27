/**
 * Theory of memory capacity: the discrete Lyapunov solver, exact memory of linear dynamics from the weights, the
 * linearisation of tanh reservoirs, their mean-field (statistical) linearisation, and the independent-neuron and
 * correlation-aware predictors built from correlation statistics.
 */
package org.rcsweep.theory;
