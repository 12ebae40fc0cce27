package org.rcsweep.jobs.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The code version written into every row and run manifest: {@code git describe --always --dirty} of the checkout the
 * jar was built from (baked in at build time through a filtered resource), or the Maven version when the build had
 * no git directory.
 */
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
            String commit = p.getProperty("commit", "");
            if (!commit.isBlank() && !commit.startsWith("${")) {
                return commit;
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
