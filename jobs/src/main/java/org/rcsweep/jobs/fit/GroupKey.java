package org.rcsweep.jobs.fit;

import java.io.Serializable;

/** The values of the grouping columns (null for columns not grouped by). */
record GroupKey(String model, Integer n, String knob, Double correlation) implements Serializable {
    String text() {
        return model + "|" + n + "|" + knob + "|" + correlation;
    }
}
