package org.rcsweep.jobs.sweep;

import org.rcsweep.jobs.results.DirectoryException;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.random.ContentHash;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.List;

/**
 * The spec a results directory holds, under {@code specs/<name>-<identity>.yaml}. A directory holds one spec: a
 * changed spec would store the same reservoirs (same seed and replica) under new point ids, which a fit would count
 * as further replicas. The identity is a hash of the YAML's content, so comments and layout do not count as changes.
 */
final class SpecStore {
    private SpecStore() {
    }

    /**
     * Stores the spec unless an identical one is there; refuses a different one unless {@code allowMixed}.
     *
     * @return the spec's identity hash
     */
    static String store(ResultsDirectory out, String name, String yamlText, boolean allowMixed) {
        String identity = check(out, name, yamlText, allowMixed);
        String file = name + "-" + identity + ".yaml";
        if (!out.list(ResultsDirectory.SPECS, ".yaml").contains(file)) {
            out.writeText(ResultsDirectory.SPECS + "/" + file, yamlText);
        }
        return identity;
    }

    /** Refuses a spec other than the one the directory holds (unless {@code allowMixed}); returns its identity. */
    static String check(ResultsDirectory out, String name, String yamlText, boolean allowMixed) {
        String identity = identity(yamlText);
        String file = name + "-" + identity + ".yaml";
        List<String> present = out.list(ResultsDirectory.SPECS, ".yaml");
        if (present.contains(file)) {
            return identity;
        }
        List<String> others = present.stream().filter(f -> !f.endsWith("-" + identity + ".yaml")).toList();
        if (!others.isEmpty() && !allowMixed) {
            throw new DirectoryException("'" + out + "' holds the results of another spec (" + ResultsDirectory.SPECS
                    + "/" + others.get(0) + "); a results directory holds one spec, so that every replica in it is a"
                    + " distinct reservoir. Use a new --out, or --allow-mixed to add this spec's points anyway");
        }
        return identity;
    }

    /** A hash of the spec's parsed content: the same for the same fields and values, whatever the comments. */
    static String identity(String yamlText) {
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        return ContentHash.of(String.valueOf(tree)).substring(0, 12);
    }
}
