package org.rcsweep.jobs.plot;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rcsweep.jobs.analysis.VariantLabels;
import org.rcsweep.jobs.results.ResultsDirectory;
import org.rcsweep.tables.ResultTables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * Renders the standard figures of a results directory. Every figure is a query over the Parquet tables (the data of
 * each is an aggregation collected to the driver), never in-memory state of a sweep; every column is read by name.
 * Per model variant and N: memory capacity against readout count with the replicas' spread and the fitted power law
 * ({@code mc_vs_l_*}), theory against simulation ({@code mc_theory_*}), the memory function
 * ({@code memory_curve_*}) and IPC by degree ({@code ipc_by_degree_*}); across groups: the exponent α against the
 * knob value and against N ({@code alpha_vs_*}). A figure shows at most {@link ChartStyle#MAX_GROUPS} groups;
 * more are split over numbered figures ({@code _2}, {@code _3}, ...).
 */
public final class FigureMaker {
    private FigureMaker() {
    }

    /** Figures rendered into a local temporary folder, deleted on close (after they are published). */
    public record Rendered(Path folder, List<Figure> figures) implements AutoCloseable {
        @Override
        public void close() {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + folder, e);
            }
        }
    }

    /**
     * One model variant at one N: the unit of the per-group figures.
     *
     * @param label the variant's label among the variants of its kind (empty for the only one)
     * @param tag   the file-name part: the kind, with {@code _v2}, {@code _v3} ... for its later variants
     */
    record Variant(String model, String params, String label, String tag, int n) {
        String name() {
            return VariantLabels.named(model, label);
        }

        /** The ok points of this variant and N. */
        Dataset<Row> points(SparkSession spark) {
            return spark.table("points").where(col("status").equalTo("ok").and(col("model").equalTo(model))
                    .and(col("model_params").equalTo(params)).and(col("n").equalTo(n)));
        }
    }

    /** Renders the figures into a new local temporary folder (the results directory may be on any file system). */
    public static Rendered renderToTemp(SparkSession spark, ResultsDirectory results) {
        Path folder;
        try {
            folder = Files.createTempDirectory("rcsweep-figures");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for figures", e);
        }
        return new Rendered(folder, render(spark, results, folder));
    }

    public static List<Figure> render(SparkSession spark, ResultsDirectory results, Path figDir) {
        try {
            Files.createDirectories(figDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + figDir, e);
        }
        results.read(spark, ResultTables.POINTS).createOrReplaceTempView("points");
        boolean memory = results.has(ResultTables.MEMORY_CURVE);
        if (memory) {
            results.read(spark, ResultTables.MEMORY_CURVE).createOrReplaceTempView("memory_curve");
        }
        boolean fits = results.has(ResultTables.FITS);
        Map<String, double[]> powerLaws = new HashMap<>();
        if (fits) {
            results.read(spark, ResultTables.FITS).createOrReplaceTempView("fits");
            powerLaws = powerLaws(spark);
        }
        List<Figure> figures = new ArrayList<>();
        for (Variant v : variants(spark)) {
            figures.addAll(CapacityFigures.mcVsL(spark, figDir, v, powerLaws));
            figures.addAll(CapacityFigures.theoryVsSimulation(spark, figDir, v));
            if (memory) {
                CurveFigures.memoryFunction(spark, figDir, v).ifPresent(figures::add);
            }
            figures.addAll(CurveFigures.ipcByDegree(spark, figDir, v));
        }
        if (fits) {
            figures.addAll(ExponentFigures.alphaVs(spark, figDir, "correlation", "n"));
            figures.addAll(ExponentFigures.alphaVs(spark, figDir, "n", "correlation"));
        }
        return figures;
    }

    /** Every (variant, N) with ok points, variants of one kind numbered in the order of their parameters. */
    private static List<Variant> variants(SparkSession spark) {
        List<Row> rows = spark.sql("SELECT DISTINCT model, model_params, n FROM points WHERE status = 'ok' "
                + "ORDER BY model, model_params, n").collectAsList();
        Map<String, String> labels = VariantLabels.of(rows.stream().map(r -> r.<String>getAs("model_params"))
                .toList());
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (Row r : rows) {
            List<String> peers = byKind.computeIfAbsent(r.getAs("model"), k -> new ArrayList<>());
            if (!peers.contains(r.<String>getAs("model_params"))) {
                peers.add(r.getAs("model_params"));
            }
        }
        List<Variant> out = new ArrayList<>();
        for (Row r : rows) {
            String model = r.getAs("model");
            String params = r.getAs("model_params");
            int index = byKind.get(model).indexOf(params);
            out.add(new Variant(model, params, labels.get(params), model + (index == 0 ? "" : "_v" + (index + 1)),
                    r.<Integer>getAs("n")));
        }
        return out;
    }

    /** {a, α} of the power law of mc_total by {@link #key}. */
    private static Map<String, double[]> powerLaws(SparkSession spark) {
        Map<String, double[]> out = new HashMap<>();
        for (Row r : spark.sql("SELECT model_params, n, knob, correlation, "
                + "max(CASE WHEN parameter = 'a' THEN estimate END) AS a, "
                + "max(CASE WHEN parameter = 'alpha' THEN estimate END) AS alpha FROM fits "
                + "WHERE law = 'power' AND metric = 'mc_total' GROUP BY model_params, n, knob, correlation")
                .collectAsList()) {
            Double a = r.getAs("a");
            Double alpha = r.getAs("alpha");
            if (a != null && alpha != null) {
                out.put(key(r.getAs("model_params"), r.getAs("n"), r.getAs("knob"), r.getAs("correlation")),
                        new double[] {a, alpha});
            }
        }
        return out;
    }

    static String key(String params, Integer n, String knob, Double value) {
        return params + "|" + n + "|" + knob + "|" + value;
    }

    /** Splits {@code items} into consecutive chunks of at most {@link ChartStyle#MAX_GROUPS}. */
    static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += ChartStyle.MAX_GROUPS) {
            out.add(items.subList(i, Math.min(items.size(), i + ChartStyle.MAX_GROUPS)));
        }
        return out;
    }

    /** The file name of part {@code part} (0-based) of a figure split over several: {@code base.png, base_2.png}. */
    static String part(String base, int part) {
        return base + (part == 0 ? "" : "_" + (part + 1)) + ".png";
    }

    /** {@code " (part 2 of 3)"}, or empty for an unsplit figure. */
    static String partTitle(int part, int parts) {
        return parts == 1 ? "" : " (part " + (part + 1) + " of " + parts + ")";
    }
}
