/** {@code rcsweep report}: a Markdown and a self-contained HTML summary of a results directory. */
package org.rcsweep.jobs.report;
