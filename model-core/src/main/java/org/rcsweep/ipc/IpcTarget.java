package org.rcsweep.ipc;

import java.io.Serializable;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One basis target z(t) = Π_i p_{d_i}(u(t − τ_i)) over distinct delays τ_i with powers d_i, Σ d_i = degree.
 *
 * @param family the degree family (degree and the multiset of powers)
 * @param delays τ_i, aligned with {@code family.powers()}
 */
public record IpcTarget(TargetFamily family, int[] delays) implements Serializable {
    public int degree() {
        return family.degree();
    }

    public int span() {
        return Arrays.stream(delays).max().orElse(0);
    }

    public String delaysText() {
        return Arrays.stream(delays).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    public String powersText() {
        return Arrays.stream(family.powers()).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpcTarget t && t.family.equals(family) && Arrays.equals(t.delays, delays);
    }

    @Override
    public int hashCode() {
        return 31 * family.hashCode() + Arrays.hashCode(delays);
    }

    @Override
    public String toString() {
        return "IpcTarget[degree=" + degree() + ", powers=" + powersText() + ", delays=" + delaysText() + "]";
    }
}
