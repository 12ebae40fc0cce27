/** {@code rcsweep plot}: PNG figures rendered with JFreeChart from aggregations of the result tables. */
package org.rcsweep.jobs.plot;
