package org.rcsweep.jobs.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Short labels for the variants of a model kind in a sweep: from canonical parameter strings
 * {@code kind{a=1,b=2}} (the {@code model_params} column), each variant is labelled by the parameters whose values
 * differ between the variants of its kind ({@code "learning_steps=0"}), so that figures and reports tell variants
 * apart without repeating what they share. The only variant of its kind gets the empty label.
 */
public final class VariantLabels {
    private VariantLabels() {
    }

    /** Labels of the given canonical strings (any mix of kinds; each is compared with those of its own kind). */
    public static Map<String, String> of(Collection<String> canonicals) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (String c : new LinkedHashSet<>(canonicals)) {
            int open = c.indexOf('{');
            byKind.computeIfAbsent(open < 0 ? c : c.substring(0, open), k -> new ArrayList<>()).add(c);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (List<String> peers : byKind.values()) {
            List<Map<String, String>> parsed = peers.stream().map(VariantLabels::fields).toList();
            for (int v = 0; v < peers.size(); v++) {
                List<String> differing = new ArrayList<>();
                for (Map.Entry<String, String> f : parsed.get(v).entrySet()) {
                    boolean same = true;
                    for (Map<String, String> other : parsed) {
                        same &= f.getValue().equals(other.get(f.getKey()));
                    }
                    if (!same) {
                        differing.add(f.getKey() + "=" + f.getValue());
                    }
                }
                labels.put(peers.get(v), String.join(",", differing));
            }
        }
        return labels;
    }

    /** {@code model} alone, or {@code model (label)} for one of several variants. */
    public static String named(String model, String label) {
        return label == null || label.isEmpty() ? model : model + " (" + label + ")";
    }

    /** The name=value pairs between the outer braces, in order; a value may itself contain braces or commas. */
    private static Map<String, String> fields(String canonical) {
        Map<String, String> out = new LinkedHashMap<>();
        int open = canonical.indexOf('{');
        if (open < 0 || !canonical.endsWith("}")) {
            out.put("", canonical);
            return out;
        }
        String body = canonical.substring(open + 1, canonical.length() - 1);
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            char ch = i < body.length() ? body.charAt(i) : ',';
            if (ch == '{' || ch == '[' || ch == '(') {
                depth++;
            } else if (ch == '}' || ch == ']' || ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                String pair = body.substring(start, i);
                int eq = pair.indexOf('=');
                out.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
                start = i + 1;
            }
        }
        return out;
    }
}
