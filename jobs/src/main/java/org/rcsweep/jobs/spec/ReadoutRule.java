package org.rcsweep.jobs.spec;

import org.rcsweep.spec.SpecException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Which readout counts L a point of size N measures: either fixed counts ({@code readouts: [5, 10, 20]}, each at most
 * the smallest N) or fractions of N ({@code readout_fractions: [0.1, 0.5, 1.0]}, L = max(1, round(f·N)), duplicates
 * merged).
 */
public record ReadoutRule(List<Integer> counts, List<Double> fractions) implements Serializable {
    public ReadoutRule {
        if ((counts == null) == (fractions == null)) {
            throw new SpecException("readouts", "give exactly one of 'readouts' (counts) or 'readout_fractions'");
        }
        counts = counts == null ? null : List.copyOf(counts);
        fractions = fractions == null ? null : List.copyOf(fractions);
        if (counts != null) {
            increasing("readouts", counts.stream().map(Integer::doubleValue).toList());
            for (int l : counts) {
                if (l < 1) {
                    throw new SpecException("readouts", l + " is outside the allowed range [1, n]");
                }
            }
        } else {
            increasing("readout_fractions", fractions);
            for (double f : fractions) {
                if (!(f > 0 && f <= 1)) {
                    throw new SpecException("readout_fractions", f + " is outside the allowed range (0, 1]");
                }
            }
        }
    }

    private static void increasing(String field, List<Double> values) {
        for (int i = 1; i < values.size(); i++) {
            if (!(values.get(i) > values.get(i - 1))) {
                throw new SpecException(field, "must be strictly increasing, got " + values);
            }
        }
    }

    /** The readout counts for a reservoir of n neurons. */
    public List<Integer> resolve(int n) {
        if (counts != null) {
            for (int l : counts) {
                if (l > n) {
                    throw new SpecException("readouts", l + " exceeds the size n = " + n
                            + " (allowed range [1, n]; use readout_fractions to scale L with n)");
                }
            }
            return counts;
        }
        List<Integer> out = new ArrayList<>();
        for (double f : fractions) {
            int l = (int) Math.max(1, Math.round(f * n));
            if (out.isEmpty() || out.get(out.size() - 1) < l) {
                out.add(l);
            }
        }
        return out;
    }
}
