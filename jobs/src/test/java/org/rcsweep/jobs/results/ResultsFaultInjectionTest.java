package org.rcsweep.jobs.results;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rcsweep.jobs.cli.CommandRun;
import org.rcsweep.jobs.cli.Main;
import org.rcsweep.jobs.spark.Sessions;
import org.rcsweep.jobs.spec.SweepPlanner;
import org.rcsweep.jobs.spec.SweepSpec;
import org.rcsweep.jobs.spec.SweepSpecParser;
import org.rcsweep.jobs.sweep.SweepJob;
import org.rcsweep.jobs.sweep.TableRows;
import org.rcsweep.spec.PointSpec;
import org.rcsweep.tables.ResultTables;
import org.rcsweep.tables.TableSchema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults injected into results directories: a second writer, deleted, truncated and silently altered part files in
 * each table, malicious SQL, malformed weight files, huge plans, and a point that runs out of memory. Each test
 * asserts that no committed row is lost or duplicated (the final rows equal a clean run's) and that the message
 * names the cause.
 */
class ResultsFaultInjectionTest {
    static final String SPEC = String.join("\n",
            "name: faults",
            "seed: 3",
            "replicas: 3",
            "models: [{kind: esn, gain: 0.9, input_scale: 0.5}]",
            "sizes: [10, 12]",
            "readouts: [2, 5, 10]",
            "input: {steps: 600, washout: 50}",
            "capacity: {max_delay: 15}",
            "ipc: {max_degree: 2, max_delays: [10, 3]}",
            "run: {batch_points: 2}",
            "");

    @TempDir
    static Path tmp;
    static Path reference;

    @BeforeAll
    static void cleanRun() {
        reference = tmp.resolve("reference");
        SweepJob.run(spark(), spec(), reference.toString(), SweepJob.Options.quiet());
    }

    @Test
    void aSecondWriterIsRefusedNamingTheHolderAndADeadHoldersLockIsFree() throws Exception {
        Path dir = tmp.resolve("two-writers");
        Process holder = java(List.of(), LockHolder.class.getName(), dir.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("locked")) {
                line = out.readLine(); // the JVM's own warnings come first
            }
            assertTrue(line != null, "the holder took the lock");
            DirectoryException refused = assertThrows(DirectoryException.class,
                    () -> SweepJob.run(spark(), spec(), dir.toString(), SweepJob.Options.quiet()));
            assertTrue(refused.getMessage().contains("is being written by run holder-run")
                    && refused.getMessage().contains("pid " + holder.pid()), refused.getMessage());
            assertFalse(Files.exists(dir.resolve("points")), "the refused run wrote nothing");
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        // The holder died without releasing: the kernel released its lock, so the next run goes ahead.
        SweepJob.Summary s = SweepJob.run(spark(), spec(), dir.toString(), SweepJob.Options.quiet());
        assertTrue(s.complete());
        assertSameRowsAsReference(dir);
    }

    @Test
    void aDeletedPartOfEachTableIsNamedRefusedByReadersAndRecomputed() throws IOException {
        for (TableSchema t : ResultTables.sweepTables()) {
            Path dir = copyOfReference("deleted-" + t.name());
            Path part = somePart(dir, t);
            String batch = part.getParent().getFileName().toString().substring("batch=".length());
            Files.delete(part);

            CommandRun sql = rcsweep("sql", dir.toString(), "SELECT count(*) FROM points");
            assertEquals(Main.BAD_INPUT, sql.code(), sql.err());
            assertTrue(sql.err().contains("batch " + batch) && sql.err().contains("verify"), sql.err());
            CommandRun verify = rcsweep("verify", dir.toString());
            assertEquals(Main.FAILED, verify.code());
            assertTrue(verify.out().contains("damaged: batch " + batch), verify.out());

            SweepJob.Summary s = SweepJob.run(spark(), spec(), dir.toString(), SweepJob.Options.quiet());
            assertTrue(s.recovery().damaged().containsKey(batch), s.recovery().toString());
            assertTrue(s.recovery().damaged().get(batch).contains(t.name()), s.recovery().toString());
            assertEquals(2, s.computed(), "the damaged batch's two points are computed again");
            assertSameRowsAsReference(dir);
        }
    }

    @Test
    void aTruncatedPartIsRecomputed() throws IOException {
        Path dir = copyOfReference("truncated");
        Path part = somePart(dir, ResultTables.MEMORY_CURVE);
        Files.deleteIfExists(part.resolveSibling("." + part.getFileName() + ".crc"));
        try (RandomAccessFile f = new RandomAccessFile(part.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        CommandRun verify = rcsweep("verify", dir.toString());
        assertTrue(verify.out().contains("truncated or overwritten"), verify.out());
        SweepJob.Summary s = SweepJob.run(spark(), spec(), dir.toString(), SweepJob.Options.quiet());
        assertEquals(1, s.recovery().damaged().size(), s.recovery().toString());
        assertSameRowsAsReference(dir);
    }

    @Test
    void aFlippedByteWithoutCrcFilesIsCaughtByTheRecordedChecksum() throws IOException {
        Path dir = copyOfReference("flipped");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path crc : files.filter(p -> p.getFileName().toString().endsWith(".crc")).toList()) {
                Files.delete(crc);
            }
        }
        Path part = somePart(dir, ResultTables.POINTS);
        try (RandomAccessFile f = new RandomAccessFile(part.toFile(), "rw")) {
            long at = f.length() / 3;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x10);
        }
        CommandRun verify = rcsweep("verify", dir.toString());
        assertEquals(Main.FAILED, verify.code());
        assertTrue(verify.out().contains("CRC32C"), verify.out());
        SweepJob.Summary s = SweepJob.run(spark(), spec(), dir.toString(), SweepJob.Options.quiet());
        assertEquals(1, s.recovery().damaged().size(), s.recovery().toString());
        assertSameRowsAsReference(dir);
        assertEquals(Main.OK, rcsweep("verify", dir.toString()).code());
    }

    @Test
    void verifyRepairDeletesAndRecomputesFromTheStoredSpec() throws IOException {
        Path dir = tmp.resolve("repair");
        Path specFile = tmp.resolve("faults.yaml");
        Files.writeString(specFile, SPEC);
        assertEquals(Main.OK, rcsweep("sweep", specFile.toString(), "--out", dir.toString(), "--master", "local[2]")
                .code());
        Files.delete(somePart(dir, ResultTables.IPC_TERMS));
        CommandRun repair = rcsweep("verify", dir.toString(), "--repair", "--master", "local[2]");
        assertEquals(Main.OK, repair.code(), repair.out() + repair.err());
        assertTrue(repair.out().contains("2 points computed again"), repair.out());
        assertSameRowsAsReference(dir);
    }

    @Test
    void sqlRunsOnlyQueries() throws IOException {
        Path dir = copyOfReference("sql");
        List<String> before = TableRows.canonical(spark(), dir, ResultTables.MEMORY_CURVE);
        Path cwd = Path.of("").toAbsolutePath();
        boolean warehouseBefore = Files.exists(cwd.resolve("spark-warehouse"));
        for (String statement : List.of(
                "INSERT OVERWRITE DIRECTORY '" + dir.resolve("memory_curve") + "' USING parquet SELECT * FROM points",
                "CREATE TABLE copy AS SELECT * FROM points",
                "WITH t AS (SELECT 1 AS x) INSERT OVERWRITE DIRECTORY '" + tmp.resolve("x") + "' SELECT * FROM t",
                "DROP VIEW points",
                "SET spark.sql.warehouse.dir=/tmp/elsewhere",
                "ADD JAR /tmp/nothing.jar",
                "CREATE TEMPORARY FUNCTION f AS 'java.lang.String'")) {
            CommandRun r = rcsweep("sql", dir.toString(), statement);
            assertEquals(Main.BAD_INPUT, r.code(), statement + ": " + r.err());
            assertTrue(r.err().contains("only queries are allowed"), r.err());
        }
        CommandRun reflect = rcsweep("sql", dir.toString(), "SELECT reflect('java.lang.System', 'exit', 7)");
        assertEquals(Main.BAD_INPUT, reflect.code(), "reflect is not available: " + reflect.err());
        assertTrue(reflect.err().contains("call arbitrary Java code"), reflect.err());
        CommandRun ok = rcsweep("sql", dir.toString(), "SHOW TABLES");
        assertEquals(Main.OK, ok.code(), ok.err());
        assertEquals(before, TableRows.canonical(spark(), dir, ResultTables.MEMORY_CURVE), "nothing was written");
        assertEquals(warehouseBefore, Files.exists(cwd.resolve("spark-warehouse")), "no warehouse was created");
        CommandRun into = rcsweep("sql", dir.toString(), "SELECT 1", "--format", "csv", "--to",
                dir.resolve("points/x.csv").toString());
        assertEquals(Main.BAD_INPUT, into.code(), "no query result lands in the results directory");
        Path csv = tmp.resolve("q.csv");
        assertEquals(Main.OK, rcsweep("sql", dir.toString(), "SELECT 1 AS one", "--format", "csv", "--to",
                csv.toString()).code());
        CommandRun again = rcsweep("sql", dir.toString(), "SELECT 2 AS two", "--format", "csv", "--to", csv.toString());
        assertEquals(Main.BAD_INPUT, again.code());
        assertTrue(again.err().contains("--overwrite"), again.err());
        assertEquals(Main.OK, rcsweep("sql", dir.toString(), "SELECT 2 AS two", "--format", "parquet", "--to",
                csv.toString(), "--overwrite").code(), "every format replaces with --overwrite");
    }

    @Test
    void malformedWeightFilesAndHugePlansAreExitTwoBeforeAnythingRuns() throws IOException {
        Path npy = tmp.resolve("bad.npy");
        Files.write(npy, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 10, 0, '{', '\'', 'd'});
        Path spec = tmp.resolve("custom.yaml");
        Files.writeString(spec, "name: c\nseed: 1\nmodels: [{kind: custom, recurrent: bad.npy, input: bad.npy}]\n"
                + "sizes: [4]\nreadouts: [2]\n");
        CommandRun bad = rcsweep("validate", spec.toString());
        assertEquals(Main.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("bad.npy"), bad.err());

        Path huge = tmp.resolve("huge.yaml");
        StringBuilder sizes = new StringBuilder("10");
        for (int n = 11; n < 210; n++) {
            sizes.append(", ").append(n);
        }
        Files.writeString(huge, "name: h\nseed: 1\nreplicas: 10000\nmodels: [{kind: esn}]\n"
                + "sizes: [" + sizes + "]\n"
                + "correlation: {knob: shared-input, values: [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]}\n"
                + "readouts: [2]\n");
        CommandRun refused = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> rcsweep("validate",
                huge.toString()));
        assertEquals(Main.BAD_INPUT, refused.code());
        assertTrue(refused.err().contains("20000000 points") && refused.err().contains("10000000"), refused.err());
    }

    @Test
    void aChangedSpecIsRefusedUnlessMixingIsAllowed() {
        Path dir = tmp.resolve("mixed");
        SweepJob.run(spark(), spec(), dir.toString(), SweepJob.Options.quiet().withSpecText(SPEC, false));
        String changed = SPEC.replace("steps: 600", "steps: 700");
        DirectoryException e = assertThrows(DirectoryException.class, () -> SweepJob.run(spark(),
                SweepSpecParser.parse(changed), dir.toString(), SweepJob.Options.quiet().withSpecText(changed, false)));
        assertTrue(e.getMessage().contains("holds the results of another spec") && e.getMessage()
                .contains("--allow-mixed"), e.getMessage());
        String reformatted = "# a comment\n" + SPEC.replace("seed: 3", "seed:   3");
        SweepJob.Summary same = SweepJob.run(spark(), spec(), dir.toString(), SweepJob.Options.quiet()
                .withSpecText(reformatted, false));
        assertEquals(0, same.computed(), "comments and layout do not make another spec");
    }

    @Test
    void aPointOutOfMemoryStaysUncommittedAndIsComputedByTheNextRun() throws Exception {
        Path dir = tmp.resolve("oom");
        Path specFile = tmp.resolve("oom.yaml");
        Files.writeString(specFile, SPEC);
        List<PointSpec> points = SweepPlanner.plan(spec());
        String victim = points.get(3).id();
        Process p = java(List.of("-Dspark.rcsweep.test.outOfMemoryPoint=" + victim), Main.class.getName(), "sweep",
                specFile.toString(), "--out", dir.toString(), "--master", "local[2]", "--progress", "lines");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        assertNotEquals(0, p.exitValue(), output);
        assertTrue(output.contains("OutOfMemoryError"), output);
        ResultsDirectory results = ResultsDirectory.forReading(dir.toString(), new org.apache.hadoop.conf.Configuration());
        assertFalse(results.committedPointIds().contains(victim), "the point is not committed as a row");
        assertTrue(results.failedPoints().isEmpty(), "nor as a failed point");

        SweepJob.Summary s = SweepJob.run(spark(), spec(), dir.toString(), SweepJob.Options.quiet()
                .withSpecText(SPEC, false));
        assertTrue(s.complete());
        assertSameRowsAsReference(dir);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static SweepSpec spec() {
        return SweepSpecParser.parse(SPEC);
    }

    private static SparkSession spark() {
        return Sessions.start("rcsweep-tests", "local[2]");
    }

    private static void assertSameRowsAsReference(Path dir) {
        for (TableSchema t : ResultTables.sweepTables()) {
            List<String> expected = TableRows.canonical(spark(), reference, t);
            List<String> actual = TableRows.canonical(spark(), dir, t);
            assertEquals(expected.size(), actual.size(), t.name() + " row count");
            assertEquals(expected, actual, t.name() + ": the same rows as a clean run, none lost or duplicated");
        }
        Set<String> ids = new HashSet<>();
        ResultsDirectory results = ResultsDirectory.forReading(dir.toString(), new org.apache.hadoop.conf.Configuration());
        for (BatchRecord r : results.records().values()) {
            for (String id : r.points()) {
                assertTrue(ids.add(id), "point " + id + " is recorded once");
            }
        }
    }

    private static Path copyOfReference(String name) throws IOException {
        Path dir = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(reference)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(reference.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.getFileName().toString().equals("lock")) {
                    Files.copy(p, to);
                }
            }
        }
        return dir;
    }

    /** The Parquet part of the table's second batch (in sorted order). */
    private static Path somePart(Path dir, TableSchema t) throws IOException {
        List<Path> batches;
        try (Stream<Path> s = Files.list(dir.resolve(t.name()))) {
            batches = s.filter(p -> p.getFileName().toString().startsWith("batch=")).sorted().toList();
        }
        try (Stream<Path> s = Files.list(batches.get(1))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
    }

    private static Process java(List<String> jvmOptions, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-") || a.startsWith("-XX:") || a.startsWith("-Djdk.") || a.startsWith("-Dio.")) {
                command.add(a);
            }
        }
        command.add("-Xmx1g");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static CommandRun rcsweep(String... args) {
        return CommandRun.of(args);
    }

}
