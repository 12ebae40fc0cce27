package org.rcsweep.ipc;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All targets of one degree with one partition of it into powers (e.g. degree 3 as 2+1): the unit at which the
 * enumeration stops early and at which shuffle thresholds are set.
 *
 * @param degree Σ powers
 * @param powers the partition, in non-increasing order
 */
public record TargetFamily(int degree, int[] powers) implements Serializable {

    /** Every partition of every degree 1..maxDegree whose parts are at most maxPower. */
    public static List<TargetFamily> upTo(int maxDegree, int maxPower) {
        List<TargetFamily> out = new ArrayList<>();
        for (int d = 1; d <= maxDegree; d++) {
            partitions(d, Math.min(d, maxPower), new ArrayList<>(), out, d);
        }
        return out;
    }

    private static void partitions(int remaining, int largest, List<Integer> parts, List<TargetFamily> out, int d) {
        if (remaining == 0) {
            out.add(new TargetFamily(d, parts.stream().mapToInt(Integer::intValue).toArray()));
            return;
        }
        for (int p = Math.min(remaining, largest); p >= 1; p--) {
            parts.add(p);
            partitions(remaining - p, p, parts, out, d);
            parts.remove(parts.size() - 1);
        }
    }

    /**
     * How many targets of this family have their largest delay at most {@code span}, without listing them: distinct
     * delays in [0, span] for the m powers, (span + 1)!/(span + 1 − m)!, divided by c! for every run of c equal
     * powers (their delays are unordered). A double, exact up to 2⁵³ and finite far beyond any feasible basis.
     */
    public double countUpToSpan(int span) {
        if (span < powers.length - 1) {
            return 0;
        }
        double count = 1;
        for (int i = 0; i < powers.length; i++) {
            count *= span + 1 - i;
        }
        int run = 1;
        for (int i = 1; i <= powers.length; i++) {
            if (i < powers.length && powers[i] == powers[i - 1]) {
                run++;
            } else {
                for (int c = 2; c <= run; c++) {
                    count /= c;
                }
                run = 1;
            }
        }
        return count;
    }

    /**
     * The targets of this family whose largest delay is exactly {@code span}: distinct delays in [0, span], one per
     * power, listed once (delays increase within a run of equal powers).
     */
    public List<IpcTarget> withSpan(int span) {
        List<IpcTarget> out = new ArrayList<>();
        if (powers.length - 1 > span) {
            return out;
        }
        assign(0, new int[powers.length], new boolean[span + 1], span, out);
        return out;
    }

    private void assign(int part, int[] delays, boolean[] used, int span, List<IpcTarget> out) {
        if (part == powers.length) {
            for (int d : delays) {
                if (d == span) {
                    out.add(new IpcTarget(this, delays.clone()));
                    return;
                }
            }
            return;
        }
        int from = part > 0 && powers[part] == powers[part - 1] ? delays[part - 1] + 1 : 0;
        for (int tau = from; tau <= span; tau++) {
            if (!used[tau]) {
                used[tau] = true;
                delays[part] = tau;
                assign(part + 1, delays, used, span, out);
                used[tau] = false;
            }
        }
    }

    public String label() {
        StringBuilder sb = new StringBuilder();
        for (int p : powers) {
            sb.append(sb.length() == 0 ? "" : "+").append(p);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetFamily f && f.degree == degree && Arrays.equals(f.powers, powers);
    }

    @Override
    public int hashCode() {
        return 31 * degree + Arrays.hashCode(powers);
    }

    @Override
    public String toString() {
        return "TargetFamily[" + label() + "]";
    }
}
