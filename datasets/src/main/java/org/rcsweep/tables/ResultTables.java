package org.rcsweep.tables;

import java.util.List;

import static org.rcsweep.tables.Column.optional;
import static org.rcsweep.tables.Column.required;
import static org.rcsweep.tables.ColumnType.DOUBLE;
import static org.rcsweep.tables.ColumnType.DOUBLE_ARRAY;
import static org.rcsweep.tables.ColumnType.INT;
import static org.rcsweep.tables.ColumnType.INT_ARRAY;
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
            required("model", STRING, "model kind (esn, orthogonal, low-rank-sparse, cfc, diagonal-ssm, ligru, "
                    + "custom, lif, spike-coding, learned-memory, learned-spiking-memory, ring, delay-line)"),
            required("model_params", STRING, "every model parameter, canonical text"),
            required("n", INT, "number of neurons N"),
            required("knob", STRING, "correlation knob (none, shared-input, mean-coupling, rank)"),
            required("correlation", DOUBLE, "the knob's value"),
            required("readouts", INT, "readout count L: the first L neurons of a seeded random permutation"),
            required("replica", INT, "replica index (independent weights and input)"),
            required("seed", LONG, "the reservoir seed, derived from the sweep seed and the hash of (model, n, knob, correlation, replica)"),
            required("input", STRING, "input law (uniform on [-1,1], gaussian, binary)"),
            required("steps", INT, "measured samples T (after washout)"),
            required("washout", INT, "discarded initial steps"),
            required("streams", INT, "input streams S the T samples came from (T/S each, every stream with its own "
                    + "washout); 1 for one sequence"),
            required("max_delay", INT, "largest delay K; memory targets are u(t-k) for k = 0..K"),
            required("estimator", STRING, "holdout or in-sample: which estimate mc_total and memory_curve.m hold"),
            required("ridge", DOUBLE, "ridge λ relative to the mean readout variance"),
            optional("mc_total", DOUBLE, "memory capacity Σ_k m_k with the point's estimator"),
            optional("mc_in_sample", DOUBLE, "Σ_k m_k fitted and scored on the training samples"),
            optional("mc_holdout", DOUBLE, "Σ_k m_k of the trained readout scored on held-out samples"),
            optional("corr_mean_abs", DOUBLE, "mean |ρ_ij| over pairs of the L readout neurons (null for L = 1)"),
            optional("corr_rms", DOUBLE, "root mean square ρ_ij over pairs of the L readout neurons (null for L = 1)"),
            optional("participation_ratio", DOUBLE, "(Σλ)²/Σλ² of the readouts' covariance: effective dimension"),
            optional("gram_condition", DOUBLE, "lower bound of the condition number of the regularised Gram matrix of "
                    + "the independent readouts among the L"),
            required("readout_rank", INT, "independent readouts among the L; the others are constant (e.g. dead "
                    + "ReLU units) or exact combinations of earlier readouts and add nothing (0 for a point that did "
                    + "not run)"),
            optional("mc_theory_linear", DOUBLE, "Σ_k m_k from the weights alone (Lyapunov): exact for linear "
                    + "reservoirs, linearised at the zero-input fixed point for tanh; null if unstable, ill-conditioned "
                    + "or turned off"),
            optional("theory_linear_kind", STRING, "exact | linearised (null when mc_theory_linear was not computed)"),
            optional("mc_theory_independent", DOUBLE, "independent-neuron prediction Σ_k Σ_{i<L} r_ik² from measured "
                    + "neuron-input correlations (linear in L)"),
            optional("mc_theory_correlated", DOUBLE, "correlation-aware prediction from the summary statistics "
                    + "pair_corr_mean and the per-delay input correlation means (docs/theory.md)"),
            optional("mc_theory_meanfield", DOUBLE, "Σ_k m_k from the weights alone by mean-field (statistical) "
                    + "linearisation: self-consistent tanh gains and residual noise (docs/theory.md §5); rate models "
                    + "only; null if not converged, ill-conditioned or turned off"),
            optional("pair_corr_mean", DOUBLE, "μ: mean pairwise correlation of the L_max readouts after fixing each "
                    + "neuron's sign by the dominant mode (same for every L of a point)"),
            optional("pair_corr_mean_square", DOUBLE, "s²: mean squared pairwise correlation of the L_max readouts"),
            required("theory_message", STRING, "why a theory column is null (empty when all were computed)"),
            optional("ipc_total", DOUBLE, "information processing capacity: Σ of kept capacities over all degrees "
                    + "(null when IPC is off or the point did not run)"),
            optional("ipc_by_degree", DOUBLE_ARRAY, "kept capacity per degree 1..D; SQL: ipc_by_degree[0] is degree 1 "
                    + "in Spark, element_at(ipc_by_degree, d) is degree d"),
            optional("ipc_targets", INT, "number of IPC targets evaluated for the point (bounded by ipc.max_targets)"),
            optional("ipc_threshold", STRING, "chi2 | shuffle: how spurious capacities were removed"),
            optional("ipc_message", STRING, "IPC notes (bound reached); empty when none"),
            optional("firing_rate", DOUBLE, "spiking models: mean spikes per neuron per step over the measured steps "
                    + "(null for rate models)"),
            optional("isi_cv", DOUBLE, "spiking models: mean over neurons (with ≥ 3 intervals) of the coefficient of "
                    + "variation of inter-spike intervals; 1 for Poisson firing (null for rate models)"),
            optional("balance_first", DOUBLE, "models that learn their weights: mean over neurons of corr(feedforward "
                    + "input, lateral input) over the first window of learning; −1 is full cancellation"),
            optional("balance_last", DOUBLE, "as balance_first over the last window of learning"),
            optional("residual_first", DOUBLE, "models that learn their weights: variance of the net input as a "
                    + "fraction of the feedforward input's variance over the first window of learning"),
            optional("residual_last", DOUBLE, "as residual_first over the last window of learning"),
            required("status", STRING, "ok | diverged | ill_conditioned | failed"),
            required("message", STRING, "why the status is not ok (empty when ok)"),
            required("simulate_seconds", DOUBLE, "time spent simulating the point (whole point, repeated per L)"),
            required("capacity_seconds", DOUBLE, "time spent accumulating and solving (whole point, repeated per L)"),
            required("theory_seconds", DOUBLE, "time spent on theory predictions (whole point, repeated per L)"),
            required("ipc_seconds", DOUBLE,
                    "time spent on IPC (whole point, repeated per L; summed over its tasks when ipc.tasks > 1)"),
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
            optional("m_theory_meanfield", DOUBLE, "m_k from the mean-field theory (see points.mc_theory_meanfield)"),
            optional("input_corr_mean", DOUBLE, "a_k: mean neuron-input correlation at delay k over the L_max "
                    + "readouts (sign-fixed)"),
            optional("input_corr_mean_square", DOUBLE, "b_k: mean squared neuron-input correlation at delay k")));

    public static final TableSchema IPC_TERMS = new TableSchema("ipc_terms",
            "kept IPC target of one point and readout count: a product of orthonormal polynomials of delayed inputs",
            List.of(
            required("point_id", STRING, "the point (joins points.point_id)"),
            required("readouts", INT, "readout count L (joins points.readouts)"),
            required("degree", INT, "total degree Σ powers"),
            required("delays", INT_ARRAY, "distinct delays τ_i, aligned with powers; SQL: delays[0] is the first"),
            required("powers", INT_ARRAY, "polynomial degree d_i at each delay (non-increasing)"),
            required("capacity", DOUBLE, "squared norm of the target's projection on the L centred readouts over its "
                    + "squared norm (in-sample, all T samples)"),
            required("threshold", DOUBLE, "the threshold this capacity passed (chi2: f·χ²⁻¹_L(1−p)/T; shuffle: "
                    + "scale × largest surrogate capacity of the family)")));

    public static final TableSchema FITS = new TableSchema("fits",
            "fitted parameter of one law for one metric and one group of points (written by rcsweep fit)", List.of(
            optional("model", STRING, "group: model kind (null when not grouped by it)"),
            optional("n", INT, "group: N (null when not grouped by it)"),
            optional("knob", STRING, "group: correlation knob (null when not grouped by it)"),
            optional("correlation", DOUBLE, "group: knob value (null when not grouped by it)"),
            required("group_by", STRING, "the grouping columns, comma-separated"),
            required("metric", STRING, "mc_total | ipc_total | ipc_degree_<d> | corr_rms"),
            required("law", STRING, "power (MC = a·L^alpha) | saturating (MC = M·L/(L + L_half)) | "
                    + "fraction_of_linear (MC/L) | onset (first L with capacity ≥ level) | summary"),
            required("parameter", STRING, "a, alpha | M, L_half | at_max_l, l_sublinear | l_onset | at_max_l"),
            optional("estimate", DOUBLE, "fitted value on all replicas pooled (null when undetermined, e.g. M and "
                    + "L_half of a curve that shows no saturation within the measured L)"),
            optional("ci_low", DOUBLE, "95% interval: estimate − t·se, se from the replica bootstrap"),
            optional("ci_high", DOUBLE, "95% interval: estimate + t·se"),
            optional("r2", DOUBLE, "coefficient of determination (power: on log scale); null where not a regression"),
            required("points_used", INT, "rows (point, L) used"),
            required("replicas", INT, "independent replicas in the group (the bootstrap's units)"),
            required("resamples", INT, "bootstrap resamples"),
            optional("level", DOUBLE, "the level for onset and l_sublinear parameters"),
            optional("model_params", STRING, "group: the model's parameters as in points.model_params; variants of "
                    + "one kind (e.g. with and without Dale's law) are fitted apart (null when not grouped by model)"),
            optional("bound", STRING, "onsets (l_onset, l_sublinear) only: at_most when the curve is already past "
                    + "the level at the smallest L measured, so the onset lies at or below that L (the estimate) and "
                    + "has no interval; null for a crossing between two measured L and for every other parameter")));

    public static final TableSchema LAWS = new TableSchema("laws",
            "scaling collapse: a fitted parameter regressed on N or on the measured correlation across groups",
            List.of(
            required("law", STRING, "alpha_vs_log_n | alpha_vs_corr_rms | sublinear_onset_vs_sqrt_n | "
                    + "ipc_onset_vs_sqrt_n"),
            required("model", STRING, "model kind"),
            required("knob", STRING, "correlation knob"),
            optional("correlation", DOUBLE, "knob value held fixed (null for alpha_vs_corr_rms)"),
            optional("n", INT, "N held fixed (alpha_vs_corr_rms only)"),
            optional("degree", INT, "IPC degree (ipc_onset_vs_sqrt_n only)"),
            required("x", STRING, "regressor: ln(n) | corr_rms | sqrt(n)"),
            required("y", STRING, "response: alpha | l_sublinear | l_onset"),
            optional("slope", DOUBLE, "least-squares slope"),
            optional("intercept", DOUBLE, "least-squares intercept"),
            optional("ci_low", DOUBLE, "95% interval of the slope: slope − t_{k−2}·se"),
            optional("ci_high", DOUBLE, "95% interval of the slope: slope + t_{k−2}·se"),
            optional("r2", DOUBLE, "coefficient of determination"),
            required("points_used", INT, "groups regressed"),
            required("model_params", STRING, "the model's parameters as in points.model_params")));

    private ResultTables() {
    }

    /** The tables a sweep appends to (batch-partitioned, resumable). */
    public static List<TableSchema> sweepTables() {
        return List.of(POINTS, MEMORY_CURVE, IPC_TERMS);
    }

    /** The tables the fit job writes (replaced on every run). */
    public static List<TableSchema> analysisTables() {
        return List.of(FITS, LAWS);
    }

    public static List<TableSchema> all() {
        return List.of(POINTS, MEMORY_CURVE, IPC_TERMS, FITS, LAWS);
    }
}
