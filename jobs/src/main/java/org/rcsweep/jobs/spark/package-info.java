/** Spark plumbing shared by the jobs: session set-up (loopback, quiet) and schemas derived from the table definitions. */
package org.rcsweep.jobs.spark;
