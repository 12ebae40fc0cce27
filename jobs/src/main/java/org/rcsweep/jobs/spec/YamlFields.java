package org.rcsweep.jobs.spec;

import org.rcsweep.spec.SpecException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to one YAML mapping of a sweep spec, with errors that name the dotted field path, the value found and
 * what is allowed. Unknown keys are errors too: a misspelt field must not silently fall back to its default. The keys
 * a mapping may hold are declared up front and checked first, so that a misspelt key is reported as unknown (with
 * the closest known key) before the field it was meant to be is reported missing or its default causes an error.
 */
final class YamlFields {
    /** Largest edit distance at which a known key is suggested for an unknown one. */
    static final int SUGGESTION_DISTANCE = 2;
    private final String path;
    private final Map<String, Object> map;
    private final Set<String> read = new TreeSet<>();
    private Set<String> known;

    YamlFields(String path, Object node, Collection<String> known) {
        this.path = path;
        this.known = new TreeSet<>(known);
        if (!(node instanceof Map<?, ?> m)) {
            throw new SpecException(path.isEmpty() ? "(document)" : path,
                    "expected a mapping of fields, got " + describe(node));
        }
        this.map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            this.map.put(String.valueOf(e.getKey()), e.getValue());
        }
        rejectUnknownKeys(); // a misspelt key is reported before its field is found missing or defaulted
    }

    /** Restricts the keys this mapping may hold (a model's fields, once its kind is known). */
    void narrow(Collection<String> keys) {
        this.known = new TreeSet<>(keys);
        rejectUnknownKeys();
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return map.containsKey(key) && map.get(key) != null;
    }

    Object raw(String key) {
        if (!known.contains(key)) {
            throw new IllegalStateException("the parser reads '" + field(key) + "', which is not declared");
        }
        read.add(key);
        return map.get(key);
    }

    Object required(String key) {
        Object v = raw(key);
        if (v == null) {
            throw missing(key, "is required");
        }
        return v;
    }

    /**
     * The error for a required field that is absent, unless the mapping holds an unknown key (most likely the field,
     * misspelt): then that one is the error.
     */
    SpecException missing(String key, String problem) {
        rejectUnknownKeys();
        return new SpecException(field(key), problem);
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

    /** An integer in [lo, hi] (the documented range, also reported for values beyond Java's int). */
    int integer(String key, int fallback, int lo, int hi) {
        Object v = raw(key);
        return v == null ? fallback : toInt(field(key), v, lo, hi);
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

    /** A list of integers, each in [lo, hi]. */
    List<Integer> integers(String key, int lo, int hi) {
        List<Object> l = list(key);
        if (l == null) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(toInt(field(key) + "[" + i + "]", l.get(i), lo, hi));
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
        rejectUnknownKeys();
        for (String key : map.keySet()) {
            if (!read.contains(key)) {
                throw new IllegalStateException("the parser did not read the declared field '" + field(key) + "'");
            }
        }
    }

    private void rejectUnknownKeys() {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw unknownField(field(key), key, known);
            }
        }
    }

    /** The error for the unknown key {@code key} at {@code field}, naming the closest of the {@code known} keys. */
    static SpecException unknownField(String field, String key, Collection<String> known) {
        Set<String> sorted = new TreeSet<>(known);
        String closest = closest(key, sorted);
        return new SpecException(field, "unknown field '" + key + "'"
                + (closest == null ? "" : " (did you mean '" + closest + "'?)")
                + (sorted.isEmpty() ? "; this mapping takes no fields" : "; known fields here: "
                + String.join(", ", sorted)));
    }

    /** The mapping's entries, in document order (keys as text). */
    Map<String, Object> entries() {
        return java.util.Collections.unmodifiableMap(map);
    }

    String path() {
        return path;
    }

    /** The known key nearest to {@code key} within {@link #SUGGESTION_DISTANCE} edits, or null (ties: the first). */
    static String closest(String key, Collection<String> candidates) {
        String best = null;
        int bestDistance = SUGGESTION_DISTANCE + 1;
        for (String c : new TreeSet<>(candidates)) {
            int d = levenshtein(key, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Edit distance (insertions, deletions, substitutions) between two strings. */
    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
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

    /**
     * An integer in [lo, hi]. A value outside it, however large (YAML reads those as Long or BigInteger), is
     * reported with that documented range rather than Java's int range.
     */
    static int toInt(String field, Object v, int lo, int hi) {
        BigInteger value;
        String text;
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            value = new BigInteger(v.toString());
            text = v.toString();
        } else if (v instanceof Double d && Double.isFinite(d) && d == Math.rint(d)) {
            value = new java.math.BigDecimal(d).toBigIntegerExact();
            text = String.valueOf(v);
        } else {
            throw new SpecException(field, "expected an integer, got " + describe(v));
        }
        if (value.compareTo(BigInteger.valueOf(lo)) < 0 || value.compareTo(BigInteger.valueOf(hi)) > 0) {
            throw new SpecException(field, text + " is outside the allowed range [" + lo + ", " + hi + "]");
        }
        return value.intValue();
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
