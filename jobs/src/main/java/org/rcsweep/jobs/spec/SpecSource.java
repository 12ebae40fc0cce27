package org.rcsweep.jobs.spec;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.rcsweep.spec.SpecException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * A spec file named by a local path or by a URI of any Hadoop file system ({@code hdfs://…/sweep.yaml}). The weight
 * files of {@code custom} models are named relative to the spec (or by their own URI); a remote spec's weight files
 * are copied into a local temporary folder before parsing, so that the parser and the weight readers see local
 * files either way.
 *
 * @param location  where the spec was read from
 * @param text      the effective YAML: as read, with the {@code --set} overrides applied (what the results directory
 *                  stores)
 * @param parseText the YAML the parser reads: as read, with a remote spec's weight-file names replaced by the paths
 *                  of their local copies
 * @param baseDir   the local folder relative weight-file names resolve against
 */
public record SpecSource(String location, String text, String parseText, java.nio.file.Path baseDir) {
    /** Spec files larger than this are refused before reading (a spec is a page of YAML). */
    static final long MAX_SPEC_BYTES = 1 << 20;

    public static SpecSource read(String location, Configuration conf) {
        return read(location, () -> conf, List.of());
    }

    public static SpecSource read(String location, Configuration conf, List<String> overrides) {
        return read(location, () -> conf, overrides);
    }

    /**
     * The spec at {@code location} with the {@code --set path=value} {@code overrides} applied to its YAML tree
     * before parsing (see {@link SpecOverrides}); the effective spec is what {@link #text()} holds. The Hadoop
     * configuration is created only for a remote spec: a local one is read without loading Hadoop, so that a spec's
     * errors are reported at once.
     */
    public static SpecSource read(String location, java.util.function.Supplier<Configuration> hadoop,
                                  List<String> overrides) {
        if (!location.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            java.nio.file.Path local = java.nio.file.Path.of(location);
            String text = SpecOverrides.apply(readLocal(local), overrides, location);
            java.nio.file.Path dir = local.toAbsolutePath().getParent();
            return new SpecSource(location, text, text, dir == null ? java.nio.file.Path.of("") : dir);
        }
        Path p;
        try {
            p = new Path(location);
        } catch (IllegalArgumentException e) {
            throw new SpecException("(file)", "'" + location + "' is not a valid path or URI: " + e.getMessage());
        }
        String scheme = p.toUri().getScheme();
        if (scheme == null || scheme.equals("file")) {
            java.nio.file.Path local = scheme == null ? java.nio.file.Path.of(location) : java.nio.file.Path.of(p.toUri());
            String text = SpecOverrides.apply(readLocal(local), overrides, location);
            java.nio.file.Path dir = local.toAbsolutePath().getParent();
            return new SpecSource(location, text, text, dir == null ? java.nio.file.Path.of("") : dir);
        }
        Configuration conf = hadoop.get();
        try {
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p)) {
                throw new SpecException("(file)", "spec file " + location + " does not exist");
            }
            if (fs.getFileStatus(p).getLen() > MAX_SPEC_BYTES) {
                throw new SpecException("(file)", "spec file " + location + " is larger than " + MAX_SPEC_BYTES
                        + " bytes: not a sweep spec");
            }
            String text = SpecOverrides.apply(readRemote(fs, p), overrides, location);
            String parseText = text;
            java.nio.file.Path local = Files.createTempDirectory("rcsweep-spec");
            local.toFile().deleteOnExit();
            int n = 0;
            for (String name : weightFileNames(text)) {
                Path named = new Path(name);
                Path remote = named.toUri().getScheme() != null || named.isAbsolute() ? named
                        : new Path(p.getParent(), name);
                java.nio.file.Path copy = local.resolve((n++) + "-" + remote.getName());
                remote.getFileSystem(conf).copyToLocalFile(false, remote, new Path(copy.toUri()), true);
                copy.toFile().deleteOnExit();
                parseText = replaceValue(parseText, name, copy.toString());
            }
            return new SpecSource(location, text, parseText, local);
        } catch (IOException e) {
            throw new SpecException("(file)", "cannot read " + location + ": " + e.getMessage());
        }
    }

    public SweepSpec parse() {
        return SweepSpecParser.parse(parseText, baseDir);
    }

    private static String readLocal(java.nio.file.Path file) {
        try {
            if (!Files.exists(file)) {
                throw new SpecException("(file)", "spec file " + file + " does not exist");
            }
            if (!Files.isRegularFile(file)) {
                throw new SpecException("(file)", "spec file " + file + " is not a regular file");
            }
            if (Files.size(file) > MAX_SPEC_BYTES) {
                throw new SpecException("(file)", "spec file " + file + " is larger than " + MAX_SPEC_BYTES
                        + " bytes: not a sweep spec");
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new SpecException("(file)", "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String readRemote(FileSystem fs, Path p) throws IOException {
        try (InputStream in = fs.open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The recurrent and input file names of the spec's custom models (a malformed spec yields none here). */
    @SuppressWarnings("unchecked")
    static List<String> weightFileNames(String text) {
        try {
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            if (!(tree instanceof Map<?, ?> top) || !(top.get("models") instanceof List<?> models)) {
                return List.of();
            }
            return models.stream().filter(m -> m instanceof Map<?, ?> mm && "custom".equals(mm.get("kind")))
                    .flatMap(m -> java.util.stream.Stream.of(((Map<String, Object>) m).get("recurrent"),
                            ((Map<String, Object>) m).get("input")))
                    .filter(v -> v instanceof String).map(v -> (String) v).distinct().toList();
        } catch (RuntimeException e) {
            return List.of(); // the parser reports what is wrong with the YAML
        }
    }

    /** Replaces the YAML scalar {@code name} (plain or quoted, as a mapping value) by {@code replacement}. */
    static String replaceValue(String yaml, String name, String replacement) {
        String quoted = java.util.regex.Pattern.quote(name);
        return yaml.replaceAll("(?m)(:\\s*)([\"']?)" + quoted + "\\2(?=\\s*(?:[,}\\]]|#|$))",
                "$1\"" + java.util.regex.Matcher.quoteReplacement(replacement.replace("\\", "\\\\")) + "\"");
    }
}
