/**
 * How the work of one point is spread over a few threads without changing any value: contiguous ranges of
 * independent work (each range writes its own results), a spinning barrier for threads that meet once per
 * simulation step, helper threads kept between such calls, and the split of a reservoir's rows by measured rate.
 * Every computation split this way gives the bits it gives on one thread.
 */
package org.rcsweep.parallel;
