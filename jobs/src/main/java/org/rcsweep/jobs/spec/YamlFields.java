package org.rcsweep.jobs.spec;

import org.rcsweep.spec.SpecException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to one YAML mapping of a sweep spec, with errors that name the dotted field path, the value found and
 * what is allowed. Unknown keys are errors too: a misspelt field must not silently fall back to its default.
 */
final class YamlFields {
    private final String path;
    private final Map<String, Object> map;
    private final Set<String> read = new TreeSet<>();

    YamlFields(String path, Object node) {
        this.path = path;
        if (!(node instanceof Map<?, ?> m)) {
            throw new SpecException(path.isEmpty() ? "(document)" : path,
                    "expected a mapping of fields, got " + describe(node));
        }
        this.map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            this.map.put(String.valueOf(e.getKey()), e.getValue());
        }
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return map.containsKey(key) && map.get(key) != null;
    }

    Object raw(String key) {
        read.add(key);
        return map.get(key);
    }

    Object required(String key) {
        Object v = raw(key);
        if (v == null) {
            throw new SpecException(field(key), "is required");
        }
        return v;
    }

    String string(String key, String fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String s) {
            return s;
        }
        throw new SpecException(field(key), "expected text, got " + describe(v));
    }

    String requiredString(String key) {
        required(key);
        return string(key, null);
    }

    boolean bool(String key, boolean fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new SpecException(field(key), "expected true or false, got " + describe(v));
    }

    double number(String key, double fallback) {
        Object v = raw(key);
        return v == null ? fallback : toNumber(field(key), v);
    }

    Double optionalNumber(String key) {
        Object v = raw(key);
        return v == null ? null : toNumber(field(key), v);
    }

    int integer(String key, int fallback) {
        Object v = raw(key);
        return v == null ? fallback : toInt(field(key), v);
    }

    Integer optionalInteger(String key) {
        Object v = raw(key);
        return v == null ? null : toInt(field(key), v);
    }

    long longValue(String key, long fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) {
            try {
                return new java.math.BigInteger(v.toString()).longValueExact();
            } catch (ArithmeticException e) {
                throw new SpecException(field(key), v + " does not fit a 64-bit integer");
            }
        }
        throw new SpecException(field(key), "expected an integer, got " + describe(v));
    }

    List<Object> list(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                throw new SpecException(field(key), "must not be empty");
            }
            return new ArrayList<>(l);
        }
        throw new SpecException(field(key), "expected a list, got " + describe(v));
    }

    List<Integer> integers(String key) {
        List<Object> l = list(key);
        if (l == null) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(toInt(field(key) + "[" + i + "]", l.get(i)));
        }
        return out;
    }

    List<Double> numbers(String key) {
        List<Object> l = list(key);
        if (l == null) {
            return null;
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(toNumber(field(key) + "[" + i + "]", l.get(i)));
        }
        return out;
    }

    /** Call after reading every known key: any other key is a spec error. */
    void rejectUnknown() {
        for (String key : map.keySet()) {
            if (!read.contains(key)) {
                throw new SpecException(field(key), "is not a known field here; known fields: " + read);
            }
        }
    }

    static double toNumber(String field, Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new SpecException(field, v + " is not a finite number");
            }
            return d;
        }
        if (v instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new SpecException(field, "expected a number, got " + describe(v));
    }

    static int toInt(String field, Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Long || v instanceof java.math.BigInteger) {
            throw new SpecException(field, v + " is outside the allowed range [" + Integer.MIN_VALUE + ", "
                    + Integer.MAX_VALUE + "]");
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
            return (int) d.doubleValue();
        }
        throw new SpecException(field, "expected an integer, got " + describe(v));
    }

    static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        String kind = v instanceof Map ? "a mapping" : v instanceof List ? "a list" : v instanceof String ? "text"
                : v instanceof Boolean ? "a boolean" : "a number";
        String text = String.valueOf(v);
        return kind + " (" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + ")";
    }
}
