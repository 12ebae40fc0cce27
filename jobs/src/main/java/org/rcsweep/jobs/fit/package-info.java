/** The fit job: scaling laws per group of points with bootstrap intervals ({@code fits}) and the collapse ({@code laws}). */
package org.rcsweep.jobs.fit;
