package org.queuedesk.server.ground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** Secret keys of this installation, each in a file of the data folder beside the database, never in it. */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** The 256-bit key in {@code dataDir/name}, created at random (owner-readable only) on first start. */
    public static byte[] loadOrCreate(Path dataDir, String name, String what) {
        Path file = dataDir.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.write(file, key);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data folder's own permissions protect it
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the " + what + " " + file, e);
        }
    }
}
