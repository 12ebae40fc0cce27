/**
 * Scaling-law fits of capacity against readout count: power law, saturating law, onsets, least-squares lines and
 * the replica bootstrap for confidence intervals. Pure numerics; the fit job applies them per group.
 */
package org.rcsweep.fit;
