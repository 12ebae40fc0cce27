package org.rcsweep.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Workload 1 as a careful NumPy/OpenBLAS program (bench/numpy/workload1.py), run after each of rcsweep's passes in the
 * same benchmark run and with as many BLAS threads as rcsweep's simulation threads: the outside reference the
 * performance targets are stated against. Skipped, with the reason printed, where python3 with NumPy is missing.
 */
final class NumpyReference {
    /** Where scripts/bench says the script is. */
    static final String SCRIPT_PROPERTY = "rcsweep.numpy.script";

    /** Stage times (s) of the NumPy point; {@code dgemv} is its bare W·x loop of the same steps, outside total. */
    record Times(double simulate, double moments, double readouts, double total, double mc, double dgemv) {
    }

    /** Why the reference could not be run or read (no python3 or NumPy, a failed run, unreadable output). */
    static final class NotRun extends Exception {
        NotRun(String reason) {
            super(reason);
        }
    }

    private NumpyReference() {
    }

    /** The script's stage times for the point's sizes, with {@code threads} BLAS threads. */
    static Times run(int n, int steps, int washout, int maxDelay, int maxReadouts, int threads) throws NotRun {
        String script = System.getProperty(SCRIPT_PROPERTY);
        if (script == null || !Files.isRegularFile(Path.of(script))) {
            throw new NotRun("no script (-D" + SCRIPT_PROPERTY + " not set by scripts/bench)");
        }
        ProcessBuilder builder = new ProcessBuilder(List.of("python3", script, Integer.toString(n),
                Integer.toString(steps), Integer.toString(washout), Integer.toString(maxDelay),
                Integer.toString(maxReadouts))).redirectErrorStream(true);
        builder.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        String last;
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            last = output.substring(output.lastIndexOf('\n') + 1);
            if (process.waitFor() != 0) {
                throw new NotRun("python3 " + script + " failed: " + last);
            }
        } catch (IOException e) {
            throw new NotRun("python3 not runnable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotRun("interrupted");
        }
        Map<String, String> fields = new HashMap<>();
        for (String token : last.split(" ")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                fields.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        try {
            return new Times(Double.parseDouble(fields.get("simulate")), Double.parseDouble(fields.get("moments")),
                    Double.parseDouble(fields.get("readouts")), Double.parseDouble(fields.get("total")),
                    Double.parseDouble(fields.get("mc")), Double.parseDouble(fields.get("dgemv")));
        } catch (RuntimeException e) {
            throw new NotRun("unreadable output '" + last + "': " + e);
        }
    }
}
