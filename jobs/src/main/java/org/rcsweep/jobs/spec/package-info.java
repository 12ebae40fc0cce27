/**
 * The sweep spec: its YAML reader with field-by-field validation, the readout-count rule and the planner that expands
 * the grid into validated points. Everything here runs on the driver before any Spark job starts.
 */
package org.rcsweep.jobs.spec;
