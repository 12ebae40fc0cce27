/** The {@code rcsweep} command line: argument parsing, commands and exit codes. */
package org.rcsweep.jobs.cli;
