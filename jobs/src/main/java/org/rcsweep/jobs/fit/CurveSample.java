package org.rcsweep.jobs.fit;

import java.io.Serializable;

/**
 * One (point, L) row as the fits need it. The point id identifies the replica curve: within a group, points are
 * the bootstrap's independent units.
 */
record CurveSample(String pointId, int readouts, double mcTotal, Double ipcTotal, double[] ipcByDegree,
                   Double corrRms) implements Serializable {
}
