package org.queuedesk.server.ground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Secret keys of this installation, each in a file of the keys folder ({@code --keys-dir}, by default the data
 * folder beside the database), never in the database. Instances of one database share one keys folder.
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

    /**
     * The 256-bit key in {@code keysDir/name}, created at random (owner-readable only) on first start.
     * Several instances of one database share a keys folder and may start at the same moment on an empty one:
     * each writes its candidate to a temporary file, then links it into place (a link never replaces); exactly one
     * link wins and every loser reads the winner's key, so all instances sign and hash with the same key and
     * no instance ever reads a half-written file.
     */
    public static byte[] loadOrCreate(Path keysDir, String name, String what) {
        if (!name.endsWith(SUFFIX)) {
            throw new IllegalArgumentException("A key file's name ends in " + SUFFIX + ", so backups find it: " + name);
        }
        Path file = keysDir.resolve(name);
        try {
            if (Files.exists(file)) {
                return readKey(file, what);
            }
            Files.createDirectories(keysDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            // the temporary name does not end in .key: a backup never copies a candidate
            Path candidate = Files.createTempFile(keysDir, name + ".", ".new");
            try {
                restrict(candidate);
                Files.write(candidate, key);
                try {
                    // a plain move would replace a file another instance just put there (rename replaces)
                    Files.createLink(file, candidate);
                    return key;
                } catch (FileAlreadyExistsException lostTheRace) {
                    return readKey(file, what);
                } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                    return createNew(file, key, what);
                }
            } finally {
                Files.deleteIfExists(candidate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the " + what + " " + file, e);
        }
    }

    /**
     * Where the file system has no hard links (FAT, some network shares): CREATE_NEW still lets one instance win,
     * but its file is briefly empty, so a loser waits for the winner's 32 bytes.
     */
    private static byte[] createNew(Path file, byte[] key, String what) throws IOException {
        try (var out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            restrict(file);
            out.write(key);
            return key;
        } catch (FileAlreadyExistsException lostTheRace) {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            while (Files.size(file) < key.length && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            return readKey(file, what);
        }
    }

    private static byte[] readKey(Path file, String what) throws IOException {
        byte[] key = Files.readAllBytes(file);
        if (key.length < 32) {
            throw new IOException("The " + what + " " + file + " is " + key.length + " bytes long, not 32 or more:"
                    + " restore it from a backup or from another instance's keys folder");
        }
        return key;
    }
}
