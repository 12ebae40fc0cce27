package org.rcsweep.jobs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/rcsweep as a user meets it, on the jar this build packaged: a launch after a launch does not build again,
 * and commands that do not start Spark (--help, validate, a sweep whose spec is missing) leave no class-data archive
 * behind (an archive without Spark's classes would be mapped by every later run instead of a useful one). Run by
 * failsafe in {@code mvn verify}, after the jar is packaged.
 */
class LauncherIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String BUILDING = "rcsweep: building";

    @TempDir
    Path tmp;

    @Test
    void aSecondLaunchDoesNotBuild() throws Exception {
        Run first = launch("--help");
        assertEquals(0, first.exit, first.output);
        Run second = launch("--help");
        assertEquals(0, second.exit, second.output);
        assertFalse(second.output.contains(BUILDING), "second launch built again:\n" + second.output);
        assertTrue(second.output.contains("usage: rcsweep"), second.output);
    }

    @Test
    void commandsThatDoNotStartSparkRecordNoArchive() throws Exception {
        Map<String, String> before = archives();
        Run help = launch("--help");
        assertEquals(0, help.exit, help.output);
        assertEquals(before, archives(), "--help left the class-data archives as they were");
        Run validate = launch("validate", ROOT.resolve("examples/quick.yaml").toString());
        assertEquals(0, validate.exit, validate.output);
        assertEquals(before, archives(), "validate left the class-data archives as they were");
        // A Spark command that ends before Spark starts: its archive (if it recorded one) is too small to keep.
        Run missing = launch("sweep", tmp.resolve("no-such-spec.yaml").toString(), "--out",
                tmp.resolve("out").toString());
        assertTrue(missing.exit != 0, missing.output);
        assertEquals(before, archives(), "a sweep that never started Spark kept no archive");
    }

    /** Class-data archives next to the jar (final and in-progress), with their sizes and times. */
    private static Map<String, String> archives() throws IOException {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> s = Files.list(ROOT.resolve("jobs/target"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("rcsweep-classes-")).toList()) {
                found.put(p.getFileName().toString(), Files.size(p) + " " + Files.getLastModifiedTime(p));
            }
        }
        return found;
    }

    private record Run(int exit, String output) {
    }

    private Run launch(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("scripts/rcsweep").toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(tmp, "launch", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("RCSWEEP_JAVA_OPTS", "-Xmx512m");
        pb.environment().remove("RCSWEEP_REBUILD");
        pb.environment().remove("RCSWEEP_CDS");
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "launcher finished: " + String.join(" ", command));
        return new Run(p.exitValue(), Files.readString(log));
    }
}
