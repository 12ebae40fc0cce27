package org.rcsweep.jobs.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short legend labels for the variants of one model kind in a sweep: from canonical parameter strings
 * {@code kind{a=1,b=2}}, each variant is labelled by the parameters whose values differ between the variants
 * ({@code "learning_steps=0"}), so that variants are told apart without repeating what they share. A single variant
 * gets the empty label.
 */
final class VariantLabels {
    private VariantLabels() {
    }

    static Map<String, String> of(List<String> canonicals) {
        Map<String, String> labels = new LinkedHashMap<>();
        List<Map<String, String>> parsed = new ArrayList<>();
        for (String c : canonicals) {
            parsed.add(fields(c));
        }
        for (int v = 0; v < canonicals.size(); v++) {
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
            labels.put(canonicals.get(v), canonicals.size() == 1 ? "" : String.join(",", differing));
        }
        return labels;
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
