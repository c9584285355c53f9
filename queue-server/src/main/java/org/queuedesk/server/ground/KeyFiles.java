package org.queuedesk.server.ground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Secret keys of this installation, each in a file of the data folder beside the database, never in it.
 * Their names end in {@value #SUFFIX}, so a backup finds every one of them without knowing the features.
 */
public final class KeyFiles {

    public static final String SUFFIX = ".key";

    private KeyFiles() {
    }

    /** The key files in {@code dataDir}, by name (none when the folder does not exist yet). */
    public static java.util.List<Path> present(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return java.util.List.of();
        }
        try (var files = Files.list(dataDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the key files in " + dataDir, e);
        }
    }

    /** Owner-readable only, where the file system has POSIX permissions. */
    public static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions protect it
        }
    }

    /** The 256-bit key in {@code dataDir/name}, created at random (owner-readable only) on first start. */
    public static byte[] loadOrCreate(Path dataDir, String name, String what) {
        if (!name.endsWith(SUFFIX)) {
            throw new IllegalArgumentException("A key file's name ends in " + SUFFIX + ", so backups find it: " + name);
        }
        Path file = dataDir.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.write(file, key);
            restrict(file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the " + what + " " + file, e);
        }
    }
}
