package org.rcsweep.jobs.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Positional arguments and {@code --name value} options, checked against the options a command knows. */
final class Arguments {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private final Map<String, List<String>> repeated = new HashMap<>();
    private final Set<String> flags = new java.util.HashSet<>();
    /** Options that may be given several times; each occurrence adds a value. */
    private static final Set<String> REPEATABLE = Set.of("conf", "set");

    Arguments(String[] args, Set<String> known) {
        this(args, known, Set.of());
    }

    /**
     * @param known      options that take a value ({@code --name value})
     * @param knownFlags options that take none ({@code --name})
     */
    Arguments(String[] args, Set<String> known, Set<String> knownFlags) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.matches("--[a-z][a-z-]*")) {
                String name = a.substring(2);
                if (knownFlags.contains(name)) {
                    flags.add(name);
                    continue;
                }
                if (!known.contains(name)) {
                    java.util.TreeSet<String> all = new java.util.TreeSet<>(known);
                    all.addAll(knownFlags);
                    throw new UsageException("unknown option " + a + " (known: --" + String.join(", --", all) + ")");
                }
                if (i + 1 >= args.length) {
                    throw new UsageException("option " + a + " needs a value");
                }
                String value = args[++i];
                if (REPEATABLE.contains(name)) {
                    repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else if (options.put(name, value) != null) {
                    throw new UsageException("option " + a + " is given twice");
                }
            } else {
                positional.add(a);
            }
        }
    }

    String positional(int index, String what) {
        if (index >= positional.size()) {
            throw new UsageException("missing " + what);
        }
        return positional.get(index);
    }

    String positionalOrNull(int index) {
        return index < positional.size() ? positional.get(index) : null;
    }

    double doubleOption(String name, double fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a number, got '" + v + "'");
    }

    void expectPositional(int count) {
        if (positional.size() > count) {
            throw new UsageException("unexpected argument '" + positional.get(count) + "'");
        }
    }

    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** Every value of a repeatable option, in order. */
    List<String> all(String name) {
        return repeated.getOrDefault(name, List.of());
    }

    /** The {@code --conf key=value} options as Spark properties. */
    Map<String, String> confs() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String kv : all("conf")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--conf needs key=value, got '" + kv + "'");
            }
            out.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return out;
    }

    int intOption(String name, int fallback, int min) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v);
            if (i >= min) {
                return i;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--" + name + " must be an integer ≥ " + min + ", got '" + v + "'");
    }
}
