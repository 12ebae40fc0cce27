package org.rcsweep.jobs.spec;

import org.rcsweep.io.Matrix;
import org.rcsweep.io.WeightFileException;
import org.rcsweep.io.WeightFiles;
import org.rcsweep.spec.Activation;
import org.rcsweep.spec.CfcSpec;
import org.rcsweep.spec.CustomSpec;
import org.rcsweep.spec.DiagonalSsmSpec;
import org.rcsweep.spec.LiGruSpec;
import org.rcsweep.spec.LifSpec;
import org.rcsweep.spec.SpikeCodingSpec;
import org.rcsweep.spec.LearnedMemorySpec;
import org.rcsweep.spec.LearnedSpikingMemorySpec;
import org.rcsweep.spec.LowRankSparseSpec;
import org.rcsweep.spec.SsmReparameterization;
import org.rcsweep.spec.CapacitySpec;
import org.rcsweep.spec.DelayLineSpec;
import org.rcsweep.spec.EsnSpec;
import org.rcsweep.spec.Estimator;
import org.rcsweep.spec.InputDistribution;
import org.rcsweep.spec.InputSpec;
import org.rcsweep.spec.Knob;
import org.rcsweep.spec.ModelSpec;
import org.rcsweep.spec.OrthogonalSpec;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.spec.RingSpec;
import org.rcsweep.spec.SpecException;
import org.rcsweep.spec.IpcSpec;
import org.rcsweep.spec.IpcThreshold;
import org.rcsweep.spec.TheorySpec;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a sweep spec from YAML and validates every field (see docs/sweep-spec.md). Every problem is a
 * {@link SpecException} naming the dotted field path, the value and the allowed range.
 */
public final class SweepSpecParser {
    public static final int DEFAULT_BATCH_POINTS = 16;
    /** Upper bound of {@code run.batch_points}. */
    public static final int MAX_BATCH_POINTS = 100_000;

    /** The keys of each mapping; a key outside them is an unknown field. */
    static final List<String> TOP_FIELDS = List.of("name", "seed", "replicas", "models", "sizes", "correlation",
            "readouts", "readout_fractions", "input", "capacity", "theory", "ipc", "run");
    static final List<String> CORRELATION_FIELDS = List.of("knob", "values");
    static final List<String> INPUT_FIELDS = List.of("distribution", "steps", "washout", "streams");
    static final List<String> CAPACITY_FIELDS = List.of("estimator", "max_delay", "train_fraction", "ridge",
            "max_condition", "chunk_steps", "threads");
    static final List<String> THEORY_FIELDS = List.of("linear", "predictors", "meanfield");
    static final List<String> IPC_FIELDS = List.of("enabled", "max_degree", "max_delays", "threshold", "chi2_p",
            "chi2_factor", "shuffle_scale", "surrogates", "window", "max_targets", "block_targets", "threads",
            "tasks");
    static final List<String> RUN_FIELDS = List.of("batch_points");
    /** Each model kind's fields besides {@code kind}, in the order of docs/sweep-spec.md. */
    static final Map<String, List<String>> MODEL_FIELDS = modelFields();

    private static Map<String, List<String>> modelFields() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(EsnSpec.KIND, List.of("activation", "leak", "gain", "spectral_radius", "density", "input_scale",
                "bias_scale"));
        m.put(OrthogonalSpec.KIND, List.of("activation", "rho", "leak", "input_scale"));
        m.put(RingSpec.KIND, List.of("rho"));
        m.put(DelayLineSpec.KIND, List.of());
        m.put(LowRankSparseSpec.KIND, List.of("rank", "sparsity", "gain", "spectral_radius", "activation", "leak",
                "input_scale"));
        m.put(CfcSpec.KIND, List.of("rank", "sparsity", "gain", "dt", "input_scale", "gate_bias"));
        m.put(DiagonalSsmSpec.KIND, List.of("reparameterization", "min_modulus", "max_modulus", "input_scale",
                "readout_nonlinearity"));
        m.put(LiGruSpec.KIND, List.of("gain", "input_scale", "stabilised"));
        m.put(CustomSpec.KIND, List.of("recurrent", "input", "activation", "leak"));
        m.put(LifSpec.KIND, List.of("beta", "gain", "density", "dale", "input_scale", "readout_tau"));
        m.put(SpikeCodingSpec.KIND, List.of("dimensions", "decoder_scale", "leak", "noise", "input_scale",
                "readout_tau"));
        m.put(LearnedMemorySpec.KIND, List.of("feedback", "noise", "init_scale", "learning_steps", "learning_rate",
                "lateral_timescale"));
        m.put(LearnedSpikingMemorySpec.KIND, List.of("feedback", "noise", "init_scale", "learning_steps",
                "learning_rate", "lateral_timescale", "decoder_scale", "readout_tau"));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static List<String> withKind(List<String> fields) {
        List<String> out = new ArrayList<>(fields);
        out.add("kind");
        return out;
    }

    private SweepSpecParser() {
    }

    public static SweepSpec parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SpecException("(file)", "spec file " + file + " does not exist");
        } catch (IOException e) {
            throw new SpecException("(file)", "cannot read " + file + ": " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, dir == null ? Path.of("") : dir);
    }

    /** Parses a spec whose relative weight-file paths (model kind {@code custom}) are resolved in the working directory. */
    public static SweepSpec parse(String yamlText) {
        return parse(yamlText, Path.of(""));
    }

    /** Parses a spec; relative weight-file paths are resolved against {@code baseDir} (the spec file's directory). */
    public static SweepSpec parse(String yamlText, Path baseDir) {
        Object doc = load(yamlText);
        if (doc == null) {
            throw new SpecException("(document)", "the spec is empty");
        }
        YamlFields top = new YamlFields("", doc, TOP_FIELDS);
        String name = top.string("name", "sweep");
        long seed = top.longValue("seed", 1L);
        int replicas = top.integer("replicas", 1, 1, SweepSpec.MAX_REPLICAS);
        List<ModelOrigin> origins = new ArrayList<>();
        List<ModelSpec> models = models(top, baseDir, origins);
        List<Integer> sizes = top.integers("sizes", 1, PointSpec.MAX_N);
        if (sizes == null) {
            throw top.missing("sizes", "is required: a list of reservoir sizes N");
        }
        Knob knob = Knob.NONE;
        List<Double> values = List.of(0.0);
        if (top.has("correlation")) {
            YamlFields c = new YamlFields("correlation", top.raw("correlation"), CORRELATION_FIELDS);
            knob = Knob.parse("correlation.knob", c.string("knob", "none"));
            List<Double> v = c.numbers("values");
            values = v == null ? List.of(0.0) : v;
            c.rejectUnknown();
            for (int i = 0; i < values.size(); i++) {
                if (!(values.get(i) >= knob.min() && values.get(i) <= knob.max())) {
                    throw new SpecException("correlation.values[" + i + "]", values.get(i)
                            + " is outside the allowed range [" + knob.min() + ", " + knob.max() + "] of knob '"
                            + knob.label() + "'");
                }
            }
        } else {
            top.raw("correlation");
        }
        List<Integer> counts = top.integers("readouts", 1, PointSpec.MAX_N);
        List<Double> fractions = top.numbers("readout_fractions");
        if (counts == null && fractions == null) {
            throw top.missing("readouts", "is required: give 'readouts' (counts) or 'readout_fractions'");
        }
        ReadoutRule readouts = new ReadoutRule(counts, fractions);
        InputSpec input = input(top);
        CapacitySpec capacity = capacity(top);
        TheorySpec theory = theory(top);
        IpcSpec ipc = ipc(top);
        int batch = DEFAULT_BATCH_POINTS;
        if (top.has("run")) {
            YamlFields run = new YamlFields("run", top.raw("run"), RUN_FIELDS);
            batch = run.integer("batch_points", DEFAULT_BATCH_POINTS, 1, MAX_BATCH_POINTS);
            run.rejectUnknown();
        } else {
            top.raw("run");
        }
        top.rejectUnknown();
        SweepSpec spec = new SweepSpec(name, seed, replicas, models, sizes, knob, values, readouts, input, capacity,
                theory, ipc, batch);
        // every point is validated, without listing them, before any Spark job starts
        SweepPlanner.check(spec, (i, field) -> origins.get(i).field(field));
        return spec;
    }

    /** At most this many model variants (the models after their lists are expanded) per sweep. */
    public static final int MAX_MODEL_VARIANTS = 100_000;

    /**
     * Where an expanded model came from: its block in {@code models} and, for each field given as a list, the index
     * of the value this variant takes.
     */
    record ModelOrigin(int block, Map<String, Integer> listIndex) {
        /** The path of one of this variant's fields in error messages: {@code models[0].gain[2]}. */
        String field(String name) {
            Integer index = listIndex.get(name);
            return "models[" + block + "]." + name + (index == null ? "" : "[" + index + "]");
        }
    }

    /**
     * The models, each block expanded into one variant per combination of its list-valued fields (the product of
     * the lists, in the order of the fields in the block, the last varying fastest). Each variant is read exactly as
     * a block with those single values would be, so equivalent specs plan identical points.
     */
    /** The YAML tree of a spec (null if empty); malformed YAML and duplicate keys are errors with their position. */
    static Object load(String yamlText) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Yaml(new SafeConstructor(options)).load(yamlText);
        } catch (MarkedYAMLException e) {
            throw new SpecException("(document)", "malformed YAML at line " + (e.getProblemMark().getLine() + 1)
                    + ", column " + (e.getProblemMark().getColumn() + 1) + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new SpecException("(document)", "malformed YAML: " + e.getMessage());
        }
    }

    /**
     * The keys a mapping at {@code path} may hold ({@code ""} the top level, {@code input}, {@code models[i]} with
     * the model's {@code kind}, or null while unknown), or null for a path that holds no mapping of fields.
     */
    static List<String> fieldsAt(String path, String kind) {
        if (path.isEmpty()) {
            return TOP_FIELDS;
        }
        if (path.matches("models\\[\\d+]")) {
            List<String> fields = kind == null ? null : MODEL_FIELDS.get(kind);
            return fields == null ? ANY_MODEL_FIELDS : withKind(fields);
        }
        return switch (path) {
            case "correlation" -> CORRELATION_FIELDS;
            case "input" -> INPUT_FIELDS;
            case "capacity" -> CAPACITY_FIELDS;
            case "theory" -> THEORY_FIELDS;
            case "ipc" -> IPC_FIELDS;
            case "run" -> RUN_FIELDS;
            default -> null;
        };
    }

    private static List<ModelSpec> models(YamlFields top, Path baseDir, List<ModelOrigin> origins) {
        List<Object> list = top.list("models");
        if (list == null) {
            throw top.missing("models", "is required: a list of models, e.g. [{kind: esn}]");
        }
        List<ModelSpec> out = new ArrayList<>();
        long variants = 0;
        for (int i = 0; i < list.size(); i++) {
            String path = "models[" + i + "]";
            YamlFields m = new YamlFields(path, list.get(i), ANY_MODEL_FIELDS);
            String kind = m.requiredString("kind");
            List<String> known = ANY_MODEL_FIELDS;
            List<String> fields = MODEL_FIELDS.get(kind);
            if (fields != null) {
                known = withKind(fields);
                m.narrow(known);
            }
            Map<String, Object> entries = m.entries();
            List<String> axes = new ArrayList<>();
            long count = 1;
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                if (e.getValue() instanceof List<?> values && !e.getKey().equals("kind")) {
                    if (values.isEmpty()) {
                        throw new SpecException(m.field(e.getKey()), "must not be empty: give one value or a list "
                                + "of values to sweep");
                    }
                    axes.add(e.getKey());
                    count = Math.min(count * values.size(), (long) MAX_MODEL_VARIANTS + 1);
                }
            }
            variants += count;
            if (variants > MAX_MODEL_VARIANTS) {
                StringBuilder sizes = new StringBuilder();
                for (String axis : axes) {
                    sizes.append(sizes.length() == 0 ? "" : " × ").append(axis).append(": ")
                            .append(((List<?>) entries.get(axis)).size());
                }
                throw new SpecException(count > MAX_MODEL_VARIANTS ? path : "models", (count > MAX_MODEL_VARIANTS
                        ? "its lists (" + sizes + ") give more than " + MAX_MODEL_VARIANTS + " model variants"
                        : "the models give more than " + MAX_MODEL_VARIANTS + " model variants in all")
                        + ", more than the limit of " + MAX_MODEL_VARIANTS + " per sweep: shorten a list or split "
                        + "the sweep");
            }
            int[] index = new int[axes.size()];
            while (true) {
                Map<String, Object> variant = new LinkedHashMap<>(entries);
                Map<String, Integer> listIndex = new LinkedHashMap<>();
                for (int a = 0; a < axes.size(); a++) {
                    variant.put(axes.get(a), ((List<?>) entries.get(axes.get(a))).get(index[a]));
                    listIndex.put(axes.get(a), index[a]);
                }
                YamlFields v = new YamlFields(path, variant, known);
                try {
                    out.add(model(kind, v, baseDir));
                } catch (SpecException e) {
                    throw inVariant(e, path, listIndex);
                }
                v.raw("kind"); // read above, from the block
                v.rejectUnknown();
                origins.add(new ModelOrigin(i, Map.copyOf(listIndex)));
                int a = axes.size() - 1;
                while (a >= 0 && ++index[a] == ((List<?>) entries.get(axes.get(a))).size()) {
                    index[a--] = 0;
                }
                if (a < 0) {
                    break;
                }
            }
        }
        return out;
    }

    /** The error of one variant, with the field under {@code path} and a list field's index: models[0].gain[2]. */
    private static SpecException inVariant(SpecException e, String path, Map<String, Integer> listIndex) {
        String relative = e.field().startsWith(path + ".") ? e.field().substring(path.length() + 1)
                : e.field().startsWith(path) ? null : e.field();
        if (relative == null) {
            return e;
        }
        int end = 0;
        while (end < relative.length() && relative.charAt(end) != '.' && relative.charAt(end) != '[') {
            end++;
        }
        Integer index = listIndex.get(relative.substring(0, end));
        String field = index == null ? relative
                : relative.substring(0, end) + "[" + index + "]" + relative.substring(end);
        return new SpecException(path + "." + field, e.problem());
    }

    /** Upper bound of a model's {@code rank} (and of the rank knob's values); a rank must not exceed N either. */
    public static final int MAX_RANK = 10_000;
    private static final List<String> KINDS = List.copyOf(MODEL_FIELDS.keySet());
    /** Before the kind is known, any model's field may appear. */
    private static final List<String> ANY_MODEL_FIELDS = anyModelField();

    private static List<String> anyModelField() {
        TreeSet<String> all = new TreeSet<>();
        MODEL_FIELDS.values().forEach(all::addAll);
        return withKind(List.copyOf(all));
    }

    private static ModelSpec model(String kind, YamlFields m, Path baseDir) {
        switch (kind) {
            case EsnSpec.KIND:
                return new EsnSpec(Activation.parse("activation", m.string("activation", "tanh")),
                        m.number("leak", 1.0), m.number("gain", 0.9), m.optionalNumber("spectral_radius"),
                        m.number("density", 1.0), m.number("input_scale", 1.0), m.number("bias_scale", 0.0));
            case OrthogonalSpec.KIND:
                return new OrthogonalSpec(Activation.parse("activation", m.string("activation", "linear")),
                        m.number("rho", 0.9), m.number("leak", 1.0), m.number("input_scale", 1.0));
            case RingSpec.KIND:
                return new RingSpec(m.number("rho", 0.9));
            case DelayLineSpec.KIND:
                return new DelayLineSpec();
            case LowRankSparseSpec.KIND:
                return new LowRankSparseSpec(m.integer("rank", 10, 1, MAX_RANK), m.number("sparsity", 0.5),
                        m.number("gain", 0.9), m.optionalNumber("spectral_radius"),
                        Activation.parse("activation", m.string("activation", "tanh")), m.number("leak", 1.0),
                        m.number("input_scale", 1.0));
            case CfcSpec.KIND:
                return new CfcSpec(m.integer("rank", 10, 1, MAX_RANK), m.number("sparsity", 0.5), m.number("gain", 1.0),
                        m.number("dt", 1.0), m.number("input_scale", 1.0), m.number("gate_bias", 0.0));
            case DiagonalSsmSpec.KIND:
                return new DiagonalSsmSpec(SsmReparameterization.parse("reparameterization",
                        m.string("reparameterization", "best")), m.number("min_modulus", 0.8),
                        m.number("max_modulus", 0.99), m.number("input_scale", 1.0),
                        m.bool("readout_nonlinearity", false));
            case LiGruSpec.KIND:
                return new LiGruSpec(m.number("gain", 0.9), m.number("input_scale", 1.0),
                        m.bool("stabilised", true));
            case CustomSpec.KIND:
                return custom(m, baseDir);
            case LifSpec.KIND:
                return new LifSpec(m.number("beta", 0.9), m.number("gain", 1.0), m.number("density", 0.2),
                        m.bool("dale", false), m.number("input_scale", 1.0), m.number("readout_tau", 5.0));
            case SpikeCodingSpec.KIND:
                return new SpikeCodingSpec(m.integer("dimensions", 2, 1, 100), m.number("decoder_scale", 0.1),
                        m.number("leak", 0.95), m.number("noise", 0.0005), m.number("input_scale", 0.1),
                        m.number("readout_tau", 20.0));
            case LearnedMemorySpec.KIND:
                return new LearnedMemorySpec(m.number("feedback", 0.9), m.number("noise", 0.01),
                        m.number("init_scale", 0.5), m.integer("learning_steps", 20_000, 0, 100_000_000),
                        m.number("learning_rate", 0.01), m.number("lateral_timescale", 1.0));
            case LearnedSpikingMemorySpec.KIND:
                return new LearnedSpikingMemorySpec(m.number("feedback", 0.9), m.number("noise", 0.001),
                        m.number("init_scale", 0.5), m.integer("learning_steps", 20_000, 0, 100_000_000),
                        m.number("learning_rate", 0.01), m.number("lateral_timescale", 1.0),
                        m.number("decoder_scale", 0.3), m.number("readout_tau", 1.0));
            default:
                throw new SpecException("kind", "'" + kind + "' is not a known model; known: "
                        + String.join(", ", KINDS));
        }
    }

    /** Weights read from .npy or .csv files named relative to the spec file; their size must equal every N swept. */
    private static CustomSpec custom(YamlFields m, Path baseDir) {
        String recurrentName = m.requiredString("recurrent");
        String inputName = m.requiredString("input");
        Matrix recurrent;
        double[] input;
        try {
            recurrent = WeightFiles.square(baseDir.resolve(recurrentName));
        } catch (WeightFileException e) {
            throw new SpecException("recurrent", e.getMessage());
        }
        try {
            input = WeightFiles.vector(baseDir.resolve(inputName), recurrent.rows());
        } catch (WeightFileException e) {
            throw new SpecException("input", e.getMessage());
        }
        return new CustomSpec(recurrent.values(), input, recurrentName + "|" + inputName,
                Activation.parse("activation", m.string("activation", "tanh")), m.number("leak", 1.0));
    }

    private static InputSpec input(YamlFields top) {
        if (!top.has("input")) {
            top.raw("input");
            return new InputSpec(InputDistribution.UNIFORM, 10_000, 500);
        }
        YamlFields in = new YamlFields("input", top.raw("input"), INPUT_FIELDS);
        try {
            InputSpec spec = new InputSpec(InputDistribution.parse("distribution", in.string("distribution", "uniform")),
                    in.integer("steps", 10_000, 10, InputSpec.MAX_STEPS),
                    in.integer("washout", 500, 0, InputSpec.MAX_STEPS),
                    in.integer("streams", 1, 1, InputSpec.MAX_STREAMS));
            in.rejectUnknown();
            return spec;
        } catch (SpecException e) {
            throw e.field().startsWith("input.") ? e : e.under("input");
        }
    }

    private static TheorySpec theory(YamlFields top) {
        if (!top.has("theory")) {
            top.raw("theory");
            return TheorySpec.defaults();
        }
        YamlFields t = new YamlFields("theory", top.raw("theory"), THEORY_FIELDS);
        boolean linear = t.bool("linear", true);
        TheorySpec spec = new TheorySpec(linear, t.bool("predictors", true), t.bool("meanfield", linear));
        t.rejectUnknown();
        return spec;
    }

    private static IpcSpec ipc(YamlFields top) {
        if (!top.has("ipc")) {
            top.raw("ipc");
            return IpcSpec.disabled();
        }
        YamlFields f = new YamlFields("ipc", top.raw("ipc"), IPC_FIELDS);
        IpcSpec d = IpcSpec.defaults(3);
        try {
            Object delays = f.raw("max_delays");
            List<Integer> maxDelays = delays == null || "auto".equals(delays) ? null : f.integers("max_delays", 0, 100_000);
            IpcSpec spec = new IpcSpec(f.bool("enabled", true),
                    f.integer("max_degree", d.maxDegree(), 1, IpcSpec.MAX_DEGREE), maxDelays,
                    IpcThreshold.parse("threshold", f.string("threshold", d.threshold().label())),
                    f.number("chi2_p", d.chi2P()), f.number("chi2_factor", d.chi2Factor()),
                    f.number("shuffle_scale", d.shuffleScale()), f.integer("surrogates", d.surrogates(), 1, 10_000),
                    f.integer("window", d.window(), 1, 100_000),
                    f.integer("max_targets", d.maxTargets(), 1, 10_000_000),
                    f.integer("block_targets", d.blockTargets(), 1, 65_536),
                    f.integer("threads", d.threads(), 1, 64), f.integer("tasks", d.tasks(), 1, IpcSpec.MAX_TASKS));
            f.rejectUnknown();
            return spec;
        } catch (SpecException e) {
            throw e.field().startsWith("ipc.") ? e : e.under("ipc");
        }
    }

    private static CapacitySpec capacity(YamlFields top) {
        if (!top.has("capacity")) {
            top.raw("capacity");
            return CapacitySpec.defaults();
        }
        YamlFields c = new YamlFields("capacity", top.raw("capacity"), CAPACITY_FIELDS);
        try {
            Object maxDelay = c.raw("max_delay");
            Integer k = maxDelay == null || "auto".equals(maxDelay) ? null
                    : YamlFields.toInt("max_delay", maxDelay, 0, 1_000_000);
            CapacitySpec spec = new CapacitySpec(Estimator.parse("estimator", c.string("estimator", "holdout")), k,
                    c.number("train_fraction", CapacitySpec.DEFAULT_TRAIN_FRACTION),
                    c.number("ridge", CapacitySpec.DEFAULT_RIDGE),
                    c.number("max_condition", CapacitySpec.DEFAULT_MAX_CONDITION),
                    c.integer("chunk_steps", CapacitySpec.DEFAULT_CHUNK_STEPS, 1, 65_536), c.integer("threads", 1, 1, 64));
            c.rejectUnknown();
            return spec;
        } catch (SpecException e) {
            throw e.field().startsWith("capacity.") ? e : e.under("capacity");
        }
    }
}
