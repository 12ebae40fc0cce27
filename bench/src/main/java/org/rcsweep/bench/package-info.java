/**
 * Benchmarks (scripts/bench): fixed workloads that print, per stage, the achieved rate, the peak heap and the ratio
 * to a dense matrix–matrix (or matrix–vector) reference measured in the same JVM run, next to what the machine's
 * cores deliver at that moment and, for the memory-capacity point, a NumPy/OpenBLAS version of it. Nothing here is
 * a test.
 */
package org.rcsweep.bench;
