package org.rcsweep.jobs.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The rcsweep version written into every row (from the build, via a filtered resource). */
public final class CodeVersion {
    private CodeVersion() {
    }

    public static String get() {
        try (InputStream in = CodeVersion.class.getResourceAsStream("/rcsweep-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
