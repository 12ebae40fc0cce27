package org.rcsweep.jobs.spec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rcsweep.spec.SpecException;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/sweep-spec.md (and the {@code ipc} table of docs/ipc.md) against the parser, as PointRowsTest does for
 * docs/tables.md: every documented field is one the parser takes and every field it takes is documented; a spec
 * that omits a field parses to the documented default; for a documented numeric range, the closed bounds are
 * accepted and a value just outside (an open bound itself) is rejected with a message naming the field; integer
 * values beyond Java's int report the documented range; every documented choice (`a`, `b`) is accepted. All numbers
 * come from the Markdown, none are repeated here.
 */
class SweepSpecDocsTest {
    /** One documented field: its key (a dotted YAML path, or models/kind.field), default and allowed cells. */
    record DocField(String key, String defaultCell, String allowedCell) {
    }

    /** One documented knob value range. */
    record DocKnob(String knob, String valueCell) {
    }

    enum Type { INT, REAL, INT_LIST, REAL_LIST, LENGTH, OTHER }

    private static Path dir;
    private static final List<DocField> FIELDS = new ArrayList<>();
    private static final List<DocKnob> KNOBS = new ArrayList<>();

    @BeforeAll
    static void readDocs() throws IOException {
        dir = Files.createTempDirectory("sweep-spec-docs");
        StringBuilder recurrent = new StringBuilder();
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            recurrent.append("0,".repeat(9)).append("0\n");
            input.append("1\n");
        }
        Files.writeString(dir.resolve("rec.csv"), recurrent);
        Files.writeString(dir.resolve("in.csv"), input);
        read(Path.of("..", "docs", "sweep-spec.md"), null);
        read(Path.of("..", "docs", "ipc.md"), "ipc");
    }

    /** Reads the field tables under each heading; {@code onlySection} keeps the tables of that section only. */
    private static void read(Path doc, String onlySection) throws IOException {
        List<String> lines = Files.readAllLines(doc);
        String prefix = "";
        String kind = null;
        List<String> header = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                Matcher m = Pattern.compile("\\(`([a-z_]+)`\\)").matcher(line);
                prefix = m.find() ? m.group(1) + "." : "";
                header = null;
                continue;
            }
            if (!line.startsWith("|")) {
                header = null;
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.get(0).startsWith("---")) {
                continue;
            }
            if (onlySection != null && !prefix.equals(onlySection + ".")) {
                continue;
            }
            switch (header.get(0)) {
                case "field" -> FIELDS.add(new DocField(prefix + unquote(cells.get(0)), cells.get(1), cells.get(2)));
                case "kind" -> {
                    if (!cells.get(0).isEmpty()) {
                        kind = unquote(cells.get(0));
                    }
                    if (!cells.get(1).equals("—")) {
                        FIELDS.add(new DocField("models/" + kind + "." + unquote(cells.get(1)), cells.get(2),
                                cells.get(3)));
                    }
                }
                case "knob" -> KNOBS.add(new DocKnob(unquote(cells.get(0)), cells.get(1)));
                default -> {
                    // another kind of table
                }
            }
        }
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.lastIndexOf('|'));
        List<String> out = new ArrayList<>();
        for (String c : inner.split("\\|", -1)) {
            out.add(c.trim());
        }
        return out;
    }

    private static String unquote(String cell) {
        return cell.replace("`", "").trim();
    }

    // ---- what the test knows about each documented field ----

    /** Top-level fields: how to read them from a parsed spec, and their type. */
    private static final Map<String, Function<SweepSpec, Object>> TOP = Map.of(
            "name", SweepSpec::name, "seed", SweepSpec::seed, "replicas", SweepSpec::replicas,
            "models", SweepSpec::models, "sizes", SweepSpec::sizes, "correlation.knob", SweepSpec::knob,
            "correlation.values", SweepSpec::correlationValues, "readouts", SweepSpec::readouts,
            "readout_fractions", SweepSpec::readouts, "run.batch_points", SweepSpec::batchPoints);
    private static final Map<String, Type> TOP_TYPES = Map.of("name", Type.LENGTH, "replicas", Type.INT,
            "sizes", Type.INT_LIST, "readout_fractions", Type.REAL_LIST, "run.batch_points", Type.INT);
    private static final Map<String, Function<SweepSpec, Object>> SECTIONS = Map.of(
            "input", SweepSpec::input, "capacity", SweepSpec::capacity, "theory", SweepSpec::theory,
            "ipc", SweepSpec::ipc);
    /** Keys whose choices depend on other fields (the knob needs values and models that take it). */
    private static final Set<String> NO_CHOICE_CHECK = Set.of("correlation.knob");

    private static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    private static RecordComponent component(Class<?> record, String field) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(camel(field))) {
                return c;
            }
        }
        return null;
    }

    private static String section(String key) {
        int dot = key.indexOf('.');
        return key.startsWith("models/") || dot < 0 ? null : key.substring(0, dot);
    }

    private static String kindOf(String key) {
        return key.substring("models/".length(), key.indexOf('.'));
    }

    private static String leaf(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** The parsed value of the documented field, or fails if the test does not know the field. */
    private static Object value(String key, SweepSpec spec) {
        Object holder;
        if (key.startsWith("models/")) {
            holder = spec.models().get(0);
        } else if (TOP.containsKey(key)) {
            return TOP.get(key).apply(spec);
        } else if (SECTIONS.containsKey(section(key))) {
            holder = SECTIONS.get(section(key)).apply(spec);
        } else {
            throw new AssertionError("the test does not know the documented field " + key);
        }
        RecordComponent c = component(holder.getClass(), leaf(key));
        if (c == null) {
            throw new AssertionError("documented field " + key + " is no component of " + holder.getClass());
        }
        try {
            return c.getAccessor().invoke(holder);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Type type(String key, SweepSpec sample) {
        if (TOP.containsKey(key)) {
            return TOP_TYPES.getOrDefault(key, Type.OTHER);
        }
        if (key.equals("ipc.max_delays")) {
            return Type.INT_LIST;
        }
        Object holder = key.startsWith("models/") ? sample.models().get(0)
                : SECTIONS.get(section(key)).apply(sample);
        Class<?> t = component(holder.getClass(), leaf(key)).getType();
        return t == int.class || t == Integer.class ? Type.INT : t == double.class || t == Double.class ? Type.REAL
                : Type.OTHER;
    }

    // ---- specs ----

    /** The smallest spec around the field (a flat map of dotted keys; "model.x" are fields of the one model). */
    private static Map<String, String> base(String key) {
        Map<String, String> f = new LinkedHashMap<>();
        String kind = key.startsWith("models/") ? kindOf(key) : "esn";
        f.put("model.kind", kind);
        if (kind.equals("custom")) {
            f.put("model.recurrent", "rec.csv");
            f.put("model.input", "in.csv");
        }
        f.put("sizes", "[10]");
        f.put("readouts", "[1]");
        if ("ipc".equals(section(key))) {
            f.put("ipc", null); // the section exists, with its defaults
        }
        if (key.endsWith(".rank")) {
            f.put("sizes", "[10000]"); // a rank may not exceed N
        }
        return f;
    }

    private static String yamlKey(String key) {
        return key.startsWith("models/") ? "model." + leaf(key) : key;
    }

    /** The field's path in error messages. */
    private static String errorField(String key, Type type) {
        String path = key.startsWith("models/") ? "models[0]." + leaf(key) : key;
        return type == Type.INT_LIST || (type == Type.REAL_LIST && !key.equals("readout_fractions"))
                ? path + "[0]" : path;
    }

    private static String render(Map<String, String> f) {
        StringBuilder sb = new StringBuilder();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : f.entrySet()) {
            int dot = e.getKey().indexOf('.');
            if (dot < 0 && e.getValue() != null) {
                sb.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
            } else if (dot < 0) {
                groups.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            } else {
                groups.computeIfAbsent(e.getKey().substring(0, dot), k -> new ArrayList<>())
                        .add(e.getKey().substring(dot + 1) + ": " + e.getValue());
            }
        }
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            String body = "{" + String.join(", ", g.getValue()) + "}";
            sb.append(g.getKey().equals("model") ? "models: [" + body + "]" : g.getKey() + ": " + body).append('\n');
        }
        return sb.toString();
    }

    private static SweepSpec parse(Map<String, String> f) {
        return SweepSpecParser.parse(render(f), dir);
    }

    private static Map<String, String> with(String key, String valueText) {
        Map<String, String> f = base(key);
        if (key.equals("readout_fractions")) {
            f.remove("readouts"); // exactly one of the two
        }
        f.put(yamlKey(key), valueText);
        return f;
    }

    // ---- numbers in the docs ----

    private static final String NUMBER = "[−-]?\\d+(?:\\.\\d+)?(?:e[−-]?\\d+)?(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?";

    /** A documented number: "−100", "1e-10", "10⁸". */
    static BigDecimal number(String text) {
        String t = text.replace('−', '-');
        Matcher power = Pattern.compile("^(-?\\d+)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$").matcher(t);
        if (power.matches()) {
            StringBuilder exponent = new StringBuilder();
            for (char c : power.group(2).toCharArray()) {
                exponent.append("⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c));
            }
            return new BigDecimal(power.group(1)).pow(Integer.parseInt(exponent.toString()));
        }
        return new BigDecimal(t);
    }

    /** A documented range: lower and upper bound, each closed or open; null if the cell has none. */
    record Range(BigDecimal lo, boolean loClosed, BigDecimal hi, boolean hiClosed) {
    }

    static Range range(String cell) {
        Matcher interval = Pattern.compile("([\\[(])(" + NUMBER + "), (" + NUMBER + ")([\\])])").matcher(cell);
        if (interval.find()) {
            return new Range(number(interval.group(2)), interval.group(1).equals("["), number(interval.group(3)),
                    interval.group(4).equals("]"));
        }
        Matcher dash = Pattern.compile("(?<![\\w.])(" + NUMBER + ")–(" + NUMBER + ")").matcher(cell);
        if (dash.find()) {
            return new Range(number(dash.group(1)), true, number(dash.group(2)), true);
        }
        return null;
    }

    /** The documented default: the first `quoted` token, else the cell's words (required, unset, ...). */
    private static String defaultToken(String cell) {
        Matcher m = Pattern.compile("`([^`]*)`").matcher(cell);
        return m.find() ? m.group(1) : cell;
    }

    private static String text(Object v) {
        if (v instanceof Enum<?> e) {
            try {
                return String.valueOf(e.getClass().getMethod("label").invoke(e));
            } catch (ReflectiveOperationException ex) {
                return e.name();
            }
        }
        return String.valueOf(v);
    }

    private static boolean matchesDefault(Object v, String token) {
        if (v == null) {
            return token.equals("unset") || token.equals("auto");
        }
        if (v instanceof Number n) {
            try {
                return number(token).compareTo(new BigDecimal(n.toString())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return text(v).equals(token);
    }

    private static String format(BigDecimal v, Type type) {
        return type == Type.REAL || type == Type.REAL_LIST ? Double.toString(v.doubleValue())
                : v.toBigIntegerExact().toString();
    }

    private static String valueText(String key, Type type, String v) {
        return switch (type) {
            case INT_LIST, REAL_LIST -> key.equals("ipc.max_delays") ? "[" + v + ", " + v + ", " + v + "]"
                    : "[" + v + "]";
            case LENGTH -> "'" + "x".repeat(Integer.parseInt(v)) + "'";
            default -> v;
        };
    }

    // ---- the checks ----

    private final List<String> problems = new ArrayList<>();

    private void accepted(String key, Map<String, String> f, String what) {
        try {
            parse(f);
        } catch (SpecException e) {
            problems.add(key + ": " + what + " is documented as allowed but rejected: " + e.getMessage());
        }
    }

    private SpecException rejected(String key, Map<String, String> f, String field, String what) {
        try {
            parse(f);
            problems.add(key + ": " + what + " is documented as outside the allowed range but accepted");
            return null;
        } catch (SpecException e) {
            if (!e.field().equals(field)) {
                problems.add(key + ": " + what + " is rejected for field '" + e.field() + "' instead of '" + field
                        + "': " + e.getMessage());
            }
            return e;
        }
    }

    @Test
    void everyDocumentedFieldIsParsedAsDocumented() {
        assertTrue(FIELDS.size() > 80, "too few documented fields found: " + FIELDS.size());
        for (DocField d : FIELDS) {
            try {
                check(d);
            } catch (AssertionError | RuntimeException e) {
                problems.add(d.key() + ": " + e);
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " differences between the docs and the parser:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private void check(DocField d) {
        String key = d.key();
        String token = defaultToken(d.defaultCell());
        // (a) the default
        Map<String, String> omitted = base(key);
        omitted.remove(yamlKey(key));
        if (key.equals("models")) {
            omitted.keySet().removeIf(k -> k.startsWith("model."));
        }
        if (token.equals("required")) {
            SpecException e = rejected(key, omitted, errorField(key, Type.OTHER), "omitting it");
            if (e != null && !e.getMessage().contains("is required")) {
                problems.add(key + ": omitting it says '" + e.getMessage() + "', not that it is required");
            }
            return;
        }
        SweepSpec parsed = parse(base(key));
        Object value = value(key, parsed);
        if (!token.equals("one of the two") && !matchesDefault(value, token)) {
            problems.add(key + ": default documented as '" + token + "', parsed as '" + text(value) + "'");
        }
        Type type = type(key, parsed);
        Range r = range(d.allowedCell());
        if (type == Type.OTHER) {
            checkChoices(key, d.allowedCell());
            return;
        }
        if (r == null) {
            return;
        }
        // (b) the range
        String field = errorField(key, type);
        boolean integer = type == Type.INT || type == Type.INT_LIST || type == Type.LENGTH;
        BigDecimal lo = r.lo();
        BigDecimal hi = r.hi();
        if (integer) {
            assertTrue(r.loClosed() && r.hiClosed(), key + ": an integer range is closed");
            for (BigDecimal bound : List.of(lo, hi)) {
                accepted(key, with(key, valueText(key, type, format(bound, type))), "the bound " + bound);
            }
            rejected(key, with(key, valueText(key, type, format(lo.subtract(BigDecimal.ONE), type))), field,
                    "one below " + lo);
            rejected(key, with(key, valueText(key, type, format(hi.add(BigDecimal.ONE), type))), field,
                    "one above " + hi);
            if (type != Type.LENGTH) {
                SpecException e = rejected(key, with(key, valueText(key, type, "99999999999")), field,
                        "99999999999");
                String expected = "99999999999 is outside the allowed range [" + format(lo, type) + ", "
                        + format(hi, type) + "]";
                if (e != null && !e.getMessage().contains(expected)) {
                    problems.add(key + ": '" + e.getMessage() + "' does not say '" + expected + "'");
                }
            }
            return;
        }
        BigDecimal loDelta = lo.abs().max(BigDecimal.ONE).scaleByPowerOfTen(-9);
        BigDecimal hiDelta = hi.abs().max(BigDecimal.ONE).scaleByPowerOfTen(-9);
        checkBound(key, type, field, lo, r.loClosed(), lo.subtract(loDelta));
        checkBound(key, type, field, hi, r.hiClosed(), hi.add(hiDelta));
    }

    private void checkBound(String key, Type type, String field, BigDecimal bound, boolean closed,
                            BigDecimal outside) {
        if (closed) {
            accepted(key, with(key, valueText(key, type, format(bound, type))), "the bound " + bound);
            SpecException e = rejected(key, with(key, valueText(key, type, format(outside, type))), field,
                    "just outside, " + outside);
            if (e != null && !e.getMessage().contains("allowed range")) {
                problems.add(key + ": '" + e.getMessage() + "' does not state the allowed range");
            }
        } else {
            SpecException e = rejected(key, with(key, valueText(key, type, format(bound, type))), field,
                    "the open bound " + bound);
            if (e != null && !e.getMessage().contains("allowed range")) {
                problems.add(key + ": '" + e.getMessage() + "' does not state the allowed range");
            }
        }
    }

    /** Each documented choice `a`, `b` is accepted and parses to itself; another word is rejected. */
    private void checkChoices(String key, String allowedCell) {
        if (NO_CHOICE_CHECK.contains(key)) {
            return;
        }
        Matcher m = Pattern.compile("`([^`]*)`").matcher(allowedCell);
        boolean any = false;
        while (m.find()) {
            any = true;
            String choice = m.group(1);
            try {
                Object v = value(key, parse(with(key, choice)));
                if (!text(v).equals(choice)) {
                    problems.add(key + ": the choice '" + choice + "' parses as '" + text(v) + "'");
                }
            } catch (SpecException e) {
                problems.add(key + ": the documented choice '" + choice + "' is rejected: " + e.getMessage());
            }
        }
        if (any) {
            rejected(key, with(key, "bogus"), errorField(key, Type.OTHER), "'bogus'");
        }
    }

    @Test
    void knobRangesAreTheDocumentedOnes() {
        Map<String, String> model = Map.of("shared-input", "esn", "mean-coupling", "esn", "rank", "low-rank-sparse");
        int checked = 0;
        for (DocKnob k : KNOBS) {
            Range r = range(k.valueCell());
            if (r == null) {
                continue;
            }
            assertTrue(model.containsKey(k.knob()), "the test does not know knob " + k.knob());
            checked++;
            boolean integer = k.valueCell().startsWith("integer");
            String key = "correlation.values";
            for (BigDecimal[] b : new BigDecimal[][] {{r.lo(), integer ? BigDecimal.ONE.negate()
                    : r.lo().abs().max(BigDecimal.ONE).scaleByPowerOfTen(-9).negate()},
                    {r.hi(), integer ? BigDecimal.ONE : r.hi().abs().max(BigDecimal.ONE).scaleByPowerOfTen(-9)}}) {
                Map<String, String> f = knobSpec(model.get(k.knob()), k.knob());
                f.put("correlation.values", "[" + b[0].toPlainString() + "]");
                accepted(key, f, k.knob() + " value " + b[0]);
                f.put("correlation.values", "[" + b[0].add(b[1]).toPlainString() + "]");
                rejected(key, f, "correlation.values[0]", k.knob() + " value " + b[0].add(b[1]));
            }
        }
        assertEquals(3, checked, "knob ranges found in the docs");
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    private static Map<String, String> knobSpec(String kind, String knob) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("model.kind", kind);
        f.put("sizes", "[10000]");
        f.put("readouts", "[1]");
        f.put("correlation.knob", knob);
        return f;
    }

    /** Every field the parser takes is documented, and nothing else (per section and per model kind). */
    @Test
    void documentedFieldsAreExactlyTheParsersFields() {
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (DocField d : FIELDS) {
            String group = d.key().startsWith("models/") ? "models/" + kindOf(d.key())
                    : section(d.key()) == null ? "" : section(d.key());
            documented.computeIfAbsent(group, g -> new TreeSet<>()).add(leaf(d.key()));
        }
        Map<String, Set<String>> parser = new LinkedHashMap<>();
        Set<String> top = new TreeSet<>();
        for (String k : SweepSpecParser.TOP_FIELDS) {
            if (!List.of("correlation", "run", "input", "capacity", "theory", "ipc").contains(k)) {
                top.add(k);
            }
        }
        parser.put("", top);
        parser.put("correlation", new TreeSet<>(SweepSpecParser.CORRELATION_FIELDS));
        parser.put("run", new TreeSet<>(SweepSpecParser.RUN_FIELDS));
        parser.put("input", new TreeSet<>(SweepSpecParser.INPUT_FIELDS));
        parser.put("capacity", new TreeSet<>(SweepSpecParser.CAPACITY_FIELDS));
        parser.put("theory", new TreeSet<>(SweepSpecParser.THEORY_FIELDS));
        parser.put("ipc", new TreeSet<>(SweepSpecParser.IPC_FIELDS));
        for (Map.Entry<String, List<String>> e : SweepSpecParser.MODEL_FIELDS.entrySet()) {
            parser.put("models/" + e.getKey(), new TreeSet<>(e.getValue()));
        }
        Set<String> groups = new LinkedHashSet<>(parser.keySet());
        groups.addAll(documented.keySet());
        for (String g : groups) {
            assertEquals(parser.getOrDefault(g, Set.of()), documented.getOrDefault(g, Set.of()),
                    "fields of '" + g + "': parser (expected) vs docs (actual)");
        }
    }

    @Test
    void documentedNumbersAreRead() {
        assertEquals(0, new BigDecimal("100000000").compareTo(number("10⁸")));
        assertEquals(0, new BigDecimal("-100").compareTo(number("−100")));
        Range r = range("(0, 1), ≤ max_modulus");
        assertEquals(new Range(BigDecimal.ZERO, false, BigDecimal.ONE, false), r);
        assertEquals(0, BigDecimal.valueOf(10_000_000).compareTo(range("1–10⁷").hi()));
        assertEquals(0, new BigDecimal("1e16").compareTo(range("[10, 10¹⁶]").hi()));
        assertEquals(null, range("`tanh`, `linear`"));
    }
}
