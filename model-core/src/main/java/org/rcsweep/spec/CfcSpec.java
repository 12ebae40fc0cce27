package org.rcsweep.spec;

/**
 * Closed-form continuous-time cell (Hasani et al. 2022, CfC) with random, untrained weights and a low-rank + sparse
 * recurrent matrix: x(t+1) = σ(−f·Δt) ⊙ g + (1 − σ(−f·Δt)) ⊙ h, where f, g, h are single-layer heads of [x; u]:
 * f = W_f x + w_f u + b_f, g = tanh(W_g x + w_g u), h = tanh(W_h x + w_h u). The three recurrent matrices are
 * low-rank + sparse like {@link LowRankSparseSpec}.
 *
 * @param rank       r of each recurrent matrix
 * @param sparsity   s of each recurrent matrix's mask
 * @param gain       g of each recurrent matrix
 * @param dt         Δt
 * @param inputScale scale of the input weights of the heads
 * @param gateBias   b_f, the time-constant head's bias (shifts the gate σ(−f·Δt))
 */
public record CfcSpec(int rank, double sparsity, double gain, double dt, double inputScale, double gateBias)
        implements ModelSpec {
    public static final String KIND = "cfc";

    public CfcSpec {
        Check.closed("rank", rank, 1, 10_000);
        Check.closed("sparsity", sparsity, 0.0, 0.999);
        Check.closed("gain", gain, 0.0, 10.0);
        Check.leftOpen("dt", dt, 0.0, 100.0);
        Check.closed("input_scale", inputScale, 0.0, 100.0);
        Check.closed("gate_bias", gateBias, -100.0, 100.0);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String canonical() {
        return KIND + "{rank=" + rank + ",sparsity=" + sparsity + ",gain=" + gain + ",dt=" + dt + ",input_scale="
                + inputScale + ",gate_bias=" + gateBias + "}";
    }

    @Override
    public boolean supports(Knob knob) {
        return knob == Knob.NONE || knob == Knob.SHARED_INPUT || knob == Knob.RANK;
    }
}
