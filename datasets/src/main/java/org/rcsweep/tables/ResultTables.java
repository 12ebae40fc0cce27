package org.rcsweep.tables;

import java.util.List;

import static org.rcsweep.tables.Column.optional;
import static org.rcsweep.tables.Column.required;
import static org.rcsweep.tables.ColumnType.DOUBLE;
import static org.rcsweep.tables.ColumnType.INT;
import static org.rcsweep.tables.ColumnType.LONG;
import static org.rcsweep.tables.ColumnType.STRING;

/**
 * The one place that names every column of every result table. Writers build their schemas from here and
 * {@code docs/tables.md} is checked against it by a test.
 */
public final class ResultTables {
    /** Name of the partition column each table gets from its {@code batch=<id>} directories. */
    public static final String BATCH_COLUMN = "batch";

    public static final TableSchema POINTS = new TableSchema("points",
            "one reservoir configuration measured with one readout count L", List.of(
            required("point_id", STRING, "content hash of the configuration (32 hex digits); same spec, same id"),
            required("sweep", STRING, "the sweep's name"),
            required("model", STRING, "model kind (esn, orthogonal, ring, delay-line)"),
            required("model_params", STRING, "every model parameter, canonical text"),
            required("n", INT, "number of neurons N"),
            required("knob", STRING, "correlation knob (none, shared-input, mean-coupling)"),
            required("correlation", DOUBLE, "the knob's value"),
            required("readouts", INT, "readout count L: the first L neurons of a seeded random permutation"),
            required("replica", INT, "replica index (independent weights and input)"),
            required("seed", LONG, "the point's seed, derived from the sweep seed and point_id"),
            required("input", STRING, "input law (uniform on [-1,1], gaussian, binary)"),
            required("steps", INT, "measured samples T (after washout)"),
            required("washout", INT, "discarded initial steps"),
            required("max_delay", INT, "largest delay K; memory targets are u(t-k) for k = 0..K"),
            required("estimator", STRING, "holdout or in-sample: which estimate mc_total and memory_curve.m hold"),
            required("ridge", DOUBLE, "ridge λ relative to the mean readout variance"),
            optional("mc_total", DOUBLE, "memory capacity Σ_k m_k with the point's estimator"),
            optional("mc_in_sample", DOUBLE, "Σ_k m_k fitted and scored on the training samples"),
            optional("mc_holdout", DOUBLE, "Σ_k m_k of the trained readout scored on held-out samples"),
            optional("corr_mean_abs", DOUBLE, "mean |ρ_ij| over pairs of the L readout neurons (null for L = 1)"),
            optional("corr_rms", DOUBLE, "root mean square ρ_ij over pairs of the L readout neurons (null for L = 1)"),
            optional("participation_ratio", DOUBLE, "(Σλ)²/Σλ² of the readouts' covariance: effective dimension"),
            optional("gram_condition", DOUBLE, "lower bound of the condition number of the regularised L×L Gram matrix"),
            optional("mc_theory_linear", DOUBLE, "Σ_k m_k from the weights alone (Lyapunov): exact for linear "
                    + "reservoirs, linearised at the zero-input fixed point for tanh; null if unstable, ill-conditioned "
                    + "or turned off"),
            optional("theory_linear_kind", STRING, "exact | linearised (null when mc_theory_linear was not computed)"),
            optional("mc_theory_independent", DOUBLE, "independent-neuron prediction Σ_k Σ_{i<L} r_ik² from measured "
                    + "neuron-input correlations (linear in L)"),
            optional("mc_theory_correlated", DOUBLE, "correlation-aware prediction from the summary statistics "
                    + "pair_corr_mean and the per-delay input correlation means (docs/theory.md)"),
            optional("pair_corr_mean", DOUBLE, "μ: mean pairwise correlation of the L_max readouts after fixing each "
                    + "neuron's sign by the dominant mode (same for every L of a point)"),
            optional("pair_corr_mean_square", DOUBLE, "s²: mean squared pairwise correlation of the L_max readouts"),
            required("theory_message", STRING, "why a theory column is null (empty when all were computed)"),
            required("status", STRING, "ok | diverged | ill_conditioned | failed"),
            required("message", STRING, "why the status is not ok (empty when ok)"),
            required("simulate_seconds", DOUBLE, "time spent simulating the point (whole point, repeated per L)"),
            required("capacity_seconds", DOUBLE, "time spent accumulating and solving (whole point, repeated per L)"),
            required("theory_seconds", DOUBLE, "time spent on theory predictions (whole point, repeated per L)"),
            required("code_version", STRING, "rcsweep version that computed the row")));

    public static final TableSchema MEMORY_CURVE = new TableSchema("memory_curve",
            "the memory function m_k of one point and readout count at one delay k", List.of(
            required("point_id", STRING, "the point (joins points.point_id)"),
            required("readouts", INT, "readout count L (joins points.readouts)"),
            required("delay", INT, "delay k"),
            required("m", DOUBLE, "m_k with the point's estimator: squared correlation of u(t-k) and its readout"),
            required("m_in_sample", DOUBLE, "m_k fitted and scored on the training samples"),
            optional("m_theory_linear", DOUBLE, "m_k from the weights alone (see points.mc_theory_linear)"),
            optional("m_theory_independent", DOUBLE, "independent-neuron prediction Σ_{i<L} r_ik²"),
            optional("m_theory_correlated", DOUBLE, "correlation-aware prediction of m_k"),
            optional("input_corr_mean", DOUBLE, "a_k: mean neuron-input correlation at delay k over the L_max "
                    + "readouts (sign-fixed)"),
            optional("input_corr_mean_square", DOUBLE, "b_k: mean squared neuron-input correlation at delay k")));

    private ResultTables() {
    }

    public static List<TableSchema> all() {
        return List.of(POINTS, MEMORY_CURVE);
    }
}
