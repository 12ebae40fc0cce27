/**
 * Shared plumbing of the analysis commands: reading a results directory with clear errors, writing CSV, and short
 * labels that tell the variants of one model kind apart in figures and reports.
 */
package org.rcsweep.jobs.analysis;
