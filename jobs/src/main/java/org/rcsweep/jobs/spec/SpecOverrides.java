package org.rcsweep.jobs.spec;

import org.rcsweep.spec.SpecException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --set path=value} overrides of a spec, applied to its YAML tree before parsing (docs/sweep-spec.md,
 * "Overrides"). A path names fields with dots and list entries with indices ({@code input.steps},
 * {@code models[0].gain}, {@code sizes[1]}); the value is YAML ({@code 20000}, {@code [100, 200]},
 * {@code {kind: ring}}); an empty value removes the field, so that its default applies. A path through a field the
 * parser does not take is an error naming it, with the parser's unknown-field message.
 */
public final class SpecOverrides {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private SpecOverrides() {
    }

    /**
     * The effective spec: {@code yamlText} itself without overrides, else its tree with every override applied in
     * order, written out as YAML under a comment naming {@code origin} and the overrides (comments of the original
     * are not kept; the values, and so the point ids, are those the parser reads).
     */
    public static String apply(String yamlText, List<String> assignments, String origin) {
        if (assignments.isEmpty()) {
            return yamlText;
        }
        Object doc = SweepSpecParser.load(yamlText);
        Map<String, Object> top;
        if (doc == null) {
            top = new LinkedHashMap<>();
        } else if (doc instanceof Map<?, ?> m) {
            top = mutable(m);
        } else {
            throw new SpecException("(document)", "expected a mapping of fields, got " + YamlFields.describe(doc));
        }
        StringBuilder header = new StringBuilder("# The effective spec: ").append(oneLine(origin)).append(" with");
        for (String a : assignments) {
            set(top, a);
            header.append(" --set ").append(oneLine(a));
        }
        return header.append('\n').toString() + dump(top);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutable(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object v = e.getValue();
            out.put(String.valueOf(e.getKey()), v instanceof Map<?, ?> child ? mutable(child)
                    : v instanceof List<?> l ? mutable(l) : v);
        }
        return out;
    }

    private static List<Object> mutable(List<?> l) {
        List<Object> out = new java.util.ArrayList<>();
        for (Object v : l) {
            out.add(v instanceof Map<?, ?> child ? mutable(child) : v instanceof List<?> inner ? mutable(inner) : v);
        }
        return out;
    }

    /** Applies one {@code path=value} to the tree. */
    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> top, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new SpecException("(--set)", "'" + assignment + "' is not path=value (e.g. --set input.steps=20000)");
        }
        String path = assignment.substring(0, eq).trim();
        Object value = value(path, assignment.substring(eq + 1).trim());
        String[] segments = path.split("\\.", -1);
        Map<String, Object> map = top;
        String at = "";
        for (int s = 0; s < segments.length; s++) {
            Matcher m = SEGMENT.matcher(segments[s]);
            if (!m.matches()) {
                throw new SpecException(path, "'" + path + "' is not a field path such as input.steps, sizes[0] or "
                        + "models[0].gain");
            }
            String name = m.group(1);
            String field = at.isEmpty() ? name : at + "." + name;
            List<String> known = SweepSpecParser.fieldsAt(at, map.get("kind") instanceof String k ? k : null);
            if (!known.contains(name)) {
                SpecException e = YamlFields.unknownField(field, name, known);
                throw new SpecException(e.field(), e.problem() + " (in --set " + assignment + ")");
            }
            boolean last = s == segments.length - 1;
            List<Integer> indices = INDEX.matcher(m.group(2)).results().map(r -> Integer.parseInt(r.group(1))).toList();
            if (indices.isEmpty() && last) {
                if (value == null) {
                    map.remove(name);
                } else {
                    map.put(name, value);
                }
                return;
            }
            Object child = map.get(name);
            if (indices.isEmpty()) {
                boolean section = SweepSpecParser.fieldsAt(field, null) != null;
                if (child == null && section) {
                    child = new LinkedHashMap<String, Object>();
                    map.put(name, child);
                }
                if (!(child instanceof Map<?, ?>) || !section) {
                    throw new SpecException(field, "holds " + YamlFields.describe(child) + ", not a mapping of fields:"
                            + " --set cannot name a field in it (in --set " + assignment + ")");
                }
                map = (Map<String, Object>) child;
                at = field;
                continue;
            }
            Object container = map;
            Object key = name;
            for (int i = 0; i < indices.size(); i++) {
                Object current = get(container, key);
                int index = indices.get(i);
                if (!(current instanceof List<?>)) {
                    throw new SpecException(field, "holds " + YamlFields.describe(current) + ", not a list: --set "
                            + "cannot name its entry [" + index + "] (in --set " + assignment + ")");
                }
                List<Object> list = (List<Object>) current;
                boolean append = last && i == indices.size() - 1 && index == list.size() && value != null;
                if (index >= list.size() && !append) {
                    throw new SpecException(field + "[" + index + "]", "is not there: " + field + " has "
                            + list.size() + (list.size() == 1 ? " entry" : " entries") + (list.isEmpty() ? ""
                            : " (indices 0–" + (list.size() - 1) + ")") + (last ? "; an index one past the last "
                            + "appends an entry" : "") + " (in --set " + assignment + ")");
                }
                container = list;
                key = index;
                field = field + "[" + index + "]";
            }
            List<Object> list = (List<Object>) container;
            int index = (Integer) key;
            if (last) {
                if (index == list.size()) {
                    list.add(value);
                } else {
                    list.set(index, value);
                }
                return;
            }
            Object entry = list.get(index);
            if (!(entry instanceof Map<?, ?>) || !field.matches("models\\[\\d+]")) {
                throw new SpecException(field, "holds " + YamlFields.describe(entry) + ", not a mapping of fields: "
                        + "--set cannot name a field in it (in --set " + assignment + ")");
            }
            map = (Map<String, Object>) entry;
            at = field;
        }
    }

    private static Object get(Object container, Object key) {
        return container instanceof Map<?, ?> m ? m.get(key) : ((List<?>) container).get((Integer) key);
    }

    /** The value as YAML: a scalar, a flow list or mapping; empty means none. */
    private static Object value(String path, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            Object v = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return v instanceof Map<?, ?> m ? mutable(m) : v instanceof List<?> l ? mutable(l) : v;
        } catch (MarkedYAMLException e) {
            throw new SpecException(path, "the --set value '" + text + "' is not YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new SpecException(path, "the --set value '" + text + "' is not YAML: " + e.getMessage());
        }
    }

    private static String dump(Map<String, Object> tree) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.AUTO);
        options.setIndent(2);
        options.setWidth(120);
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options).dump(tree);
    }
}
