package org.rcsweep.model;

import java.io.Serializable;

/**
 * Firing statistics of a spiking reservoir over the measured steps: the mean firing rate (spikes per neuron per
 * step) and the mean over neurons of the coefficient of variation of inter-spike intervals (neurons with at least
 * three intervals; NaN if none has), which is 1 for a Poisson process and 0 for a clock.
 */
public record SpikeStatistics(double firingRate, double isiCv, int neuronsWithIntervals) implements Serializable {
}
