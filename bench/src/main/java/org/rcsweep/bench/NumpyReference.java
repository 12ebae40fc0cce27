package org.rcsweep.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Workload 1 as a careful NumPy/OpenBLAS program (bench/numpy/workload1.py), run after rcsweep's own pass in the
 * same benchmark run and with as many BLAS threads as rcsweep's simulation threads: the outside reference the
 * performance targets are stated against. Skipped, with the reason printed, where python3 with NumPy is missing.
 */
final class NumpyReference {
    /** Where scripts/bench says the script is. */
    static final String SCRIPT_PROPERTY = "rcsweep.numpy.script";

    record Times(double simulate, double moments, double readouts, double total, double mc) {
    }

    private NumpyReference() {
    }

    /** The script's stage times, or the reason it could not run. */
    static Object run(int n, int steps, int washout, int maxDelay, int maxReadouts, int threads) {
        String script = System.getProperty(SCRIPT_PROPERTY);
        if (script == null || !Files.isRegularFile(Path.of(script))) {
            return "no script (-D" + SCRIPT_PROPERTY + " not set by scripts/bench)";
        }
        ProcessBuilder builder = new ProcessBuilder(List.of("python3", script, Integer.toString(n),
                Integer.toString(steps), Integer.toString(washout), Integer.toString(maxDelay),
                Integer.toString(maxReadouts))).redirectErrorStream(true);
        builder.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                String last = output.isEmpty() ? "" : output.substring(output.lastIndexOf('\n') + 1);
                return "python3 " + script + " failed: " + last;
            }
            Map<String, String> fields = new HashMap<>();
            for (String token : output.substring(output.lastIndexOf('\n') + 1).split(" ")) {
                int eq = token.indexOf('=');
                if (eq > 0) {
                    fields.put(token.substring(0, eq), token.substring(eq + 1));
                }
            }
            return new Times(Double.parseDouble(fields.get("simulate")), Double.parseDouble(fields.get("moments")),
                    Double.parseDouble(fields.get("readouts")), Double.parseDouble(fields.get("total")),
                    Double.parseDouble(fields.get("mc")));
        } catch (IOException e) {
            return "python3 not runnable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (RuntimeException e) {
            return "unreadable output: " + e;
        }
    }
}
