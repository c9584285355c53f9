package org.queuedesk.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The release this build belongs to (the Maven project version, written into a resource at build time), and
 * whether two releases can talk: the wire contract may change between minor releases, so a server and a
 * desktop app of a different major or minor release are told apart rather than left to fail on a field.
 */
public final class Release {

    private static final String CURRENT = load();

    private Release() {
    }

    /** e.g. {@code 0.1.0-SNAPSHOT}; "dev" when the resource was not built (an IDE run without Maven). */
    public static String current() {
        return CURRENT;
    }

    /**
     * Whether a client of release {@code a} and a server of release {@code b} share a wire contract: same major
     * and minor. Unknown versions (null, "dev", unparseable) are taken as compatible: an old server that does
     * not report its version must not lock the app out.
     */
    public static boolean compatible(String a, String b) {
        int[] x = majorMinor(a);
        int[] y = majorMinor(b);
        return x == null || y == null || (x[0] == y[0] && x[1] == y[1]);
    }

    static int[] majorMinor(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.strip().split("[.\\-+]");
        if (parts.length < 2) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String load() {
        try (InputStream in = Release.class.getResourceAsStream("release.properties")) {
            if (in == null) {
                return "dev";
            }
            var properties = new Properties();
            properties.load(in);
            String v = properties.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
