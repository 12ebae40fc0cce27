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

    Arguments(String[] args, Set<String> known) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.matches("--[a-z][a-z-]*")) {
                String name = a.substring(2);
                if (!known.contains(name)) {
                    throw new UsageException("unknown option " + a + " (known: --" + String.join(", --", known) + ")");
                }
                if (i + 1 >= args.length) {
                    throw new UsageException("option " + a + " needs a value");
                }
                options.put(name, args[++i]);
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
