package org.rcsweep.jobs.fit;

import java.io.Serializable;

/**
 * The values of the grouping columns (null for columns not grouped by). Grouping by model groups by the model's
 * parameters too ({@code modelParams}), so that variants of one kind are never pooled into one fit.
 */
record GroupKey(String model, String modelParams, Integer n, String knob, Double correlation) implements Serializable {
    String text() {
        return model + "|" + (modelParams == null ? "" : modelParams + "|") + n + "|" + knob + "|" + correlation;
    }
}
