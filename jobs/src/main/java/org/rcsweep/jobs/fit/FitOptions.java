package org.rcsweep.jobs.fit;

import java.io.Serializable;
import java.util.List;

/**
 * @param groupBy           grouping columns, a non-empty subset of model, n, knob, correlation
 * @param resamples         bootstrap resamples per group
 * @param seed              bootstrap seed (each group's stream derives from it and the group)
 * @param onsetLevel        an IPC degree's onset is the first L at which its capacity reaches this
 * @param sublinearFraction MC(L)/L at or below this marks the sublinearity onset l_sublinear
 */
public record FitOptions(List<String> groupBy, int resamples, long seed, double onsetLevel, double sublinearFraction)
        implements Serializable {
    public static final List<String> GROUP_COLUMNS = List.of("model", "n", "knob", "correlation");

    public FitOptions {
        groupBy = List.copyOf(groupBy);
        if (groupBy.isEmpty() || !GROUP_COLUMNS.containsAll(groupBy)) {
            throw new IllegalArgumentException("--group-by must be a non-empty subset of " + GROUP_COLUMNS + ", got "
                    + groupBy);
        }
        if (resamples < 10 || resamples > 100_000) {
            throw new IllegalArgumentException("--resamples must be in [10, 100000], got " + resamples);
        }
        if (!(onsetLevel > 0)) {
            throw new IllegalArgumentException("--onset must be positive, got " + onsetLevel);
        }
        if (!(sublinearFraction > 0 && sublinearFraction < 1)) {
            throw new IllegalArgumentException("--sublinear must be in (0, 1), got " + sublinearFraction);
        }
    }

    public static FitOptions defaults() {
        return new FitOptions(GROUP_COLUMNS, 200, 1, 0.5, 0.8);
    }
}
