/**
 * Weight generators: random Gaussian and sparse recurrent matrices, spectral scaling, Haar orthogonal matrices,
 * structured shift/ring matrices, and input weights with a controllable shared component. Owns how each
 * correlation knob changes the weights.
 */
package org.rcsweep.weights;
