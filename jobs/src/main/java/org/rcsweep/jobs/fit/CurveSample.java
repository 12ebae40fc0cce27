package org.rcsweep.jobs.fit;

import java.io.Serializable;

/**
 * One (point, L) row as the fits need it. {@code reservoir} (seed and replica) identifies the replica curve: within a
 * group, reservoirs are the bootstrap's independent units.
 */
record CurveSample(String reservoir, String pointId, int readouts, double mcTotal, Double ipcTotal, double[] ipcByDegree,
                   Double corrRms) implements Serializable {
}
