/** Shared plumbing of the analysis commands: reading a results directory with clear errors, writing CSV. */
package org.rcsweep.jobs.analysis;
