package org.rcsweep.random;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows must have the same bits on every machine (a laptop on aarch64, a cluster on x86). java.lang.Math's
 * transcendental functions may differ in the last bit between platforms (HotSpot replaces several by CPU-specific
 * intrinsics); StrictMath's are fdlibm's, bit for bit everywhere. So model code calls StrictMath, or {@code Tanh}
 * for tanh. (sqrt, abs, fma, hypot are exactly specified or StrictMath already.)
 */
class PlatformIndependentMathTest {
    private static final Pattern PLATFORM_DEPENDENT = Pattern.compile(
            "(?<![A-Za-z])Math\\.(exp|log|log10|sin|cos|tan|tanh|pow|asin|acos|atan|atan2|sinh|cosh|expm1|log1p|cbrt)\\(");

    @Test
    void modelCodeUsesNoPlatformDependentMath() throws IOException {
        List<String> found = new ArrayList<>();
        Path sources = Path.of("src/main/java");
        assertTrue(Files.isDirectory(sources), "run from the model-core module directory: " + sources.toAbsolutePath());
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).replaceAll("//.*", "");
                    if (code.trim().startsWith("*")) {
                        continue; // Javadoc
                    }
                    Matcher m = PLATFORM_DEPENDENT.matcher(code);
                    if (m.find()) {
                        found.add(sources.relativize(file) + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "use StrictMath (or Tanh) in model code: " + found);
    }
}
