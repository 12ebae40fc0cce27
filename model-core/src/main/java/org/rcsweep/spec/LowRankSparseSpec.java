package org.rcsweep.spec;

/**
 * Low-rank + sparse recurrent connectivity (Tumma, Lechner, Hasani et al., "Leveraging Low-Rank and Sparse Recurrent
 * Connectivity for Robust Closed-Loop Control"): W = c·(U Vᵀ) ⊙ M with U, V ∈ ℝ^{N×r} i.i.d. N(0, 1), M a random
 * binary mask keeping a fraction 1 − s of the entries, and c = g/√(r·(1−s)·N) so that the bulk of the spectrum has
 * radius ≈ g once the mask has spread it (docs/models.md); optional exact spectral-radius rescaling. The leaky tanh
 * (or linear) update of the ESN is used.
 *
 * @param rank           r ∈ [1, 10000] (above N it is N)
 * @param sparsity       s ∈ [0, 1): fraction of masked-out entries
 * @param gain           g
 * @param spectralRadius if set, W is rescaled to exactly this spectral radius
 * @param activation     f
 * @param leak           a
 * @param inputScale     scale of w_in
 */
public record LowRankSparseSpec(int rank, double sparsity, double gain, Double spectralRadius, Activation activation,
                                double leak, double inputScale) implements ModelSpec {
    public static final String KIND = "low-rank-sparse";

    public LowRankSparseSpec {
        Check.closed("rank", rank, 1, 10_000);
        Check.closed("sparsity", sparsity, 0.0, 0.999);
        Check.closed("gain", gain, 0.0, 10.0);
        if (spectralRadius != null) {
            Check.leftOpen("spectral_radius", spectralRadius, 0.0, 10.0);
        }
        if (activation == null) {
            throw new SpecException("activation", "is required");
        }
        Check.leftOpen("leak", leak, 0.0, 1.0);
        Check.closed("input_scale", inputScale, 0.0, 100.0);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String canonical() {
        return KIND + "{rank=" + rank + ",sparsity=" + sparsity + ",gain=" + gain + ",spectral_radius="
                + spectralRadius + ",activation=" + activation.label() + ",leak=" + leak + ",input_scale="
                + inputScale + "}";
    }

    @Override
    public boolean supports(Knob knob) {
        return knob == Knob.NONE || knob == Knob.SHARED_INPUT || knob == Knob.MEAN_COUPLING || knob == Knob.RANK;
    }
}
