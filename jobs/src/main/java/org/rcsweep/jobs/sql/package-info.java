/** {@code rcsweep sql}: the tables of a results directory as SQL views, result rendering. */
package org.rcsweep.jobs.sql;
