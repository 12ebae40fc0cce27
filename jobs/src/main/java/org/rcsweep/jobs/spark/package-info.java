/**
 * Spark plumbing shared by the jobs: session set-up (loopback, quiet), schemas derived from the table definitions,
 * and Spark rows built from the datasets module's cells.
 */
package org.rcsweep.jobs.spark;
