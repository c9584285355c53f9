package org.queuedesk.server.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.queuedesk.server.ground.KeyFiles;

/**
 * {@code --restore FOLDER} (a backup folder, or its {@code manifest.json}): checks every file against the
 * manifest's SHA-256, copies the files into the data folder, which must be empty or not exist yet (a restore
 * never mixes with or overwrites live data), and runs {@code PRAGMA integrity_check} on the copied database.
 * On any failure the files it copied are removed again. The server is not started: start it normally after.
 */
public final class Restore {

    private final ObjectMapper json;

    public Restore(ObjectMapper json) {
        this.json = json;
    }

    /** Refused before anything is copied: the operator must change the command (exit status 2). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** The backup is damaged: a checksum or the integrity check failed (nothing is left in the data folder). */
    public static final class Damaged extends RuntimeException {
        public Damaged(String message) {
            super(message);
        }
    }

    /**
     * @param databaseName the database's file name in the data folder ({@code queuedesk.db})
     * @return the manifest of the restored backup
     */
    public BackupManifest into(Path source, Path dataDir, String databaseName) throws IOException {
        Path folder = Files.isRegularFile(source) && source.getFileName().toString().equals(BackupManifest.FILE)
                ? source.toAbsolutePath().getParent() : source;
        Path manifestFile = folder.resolve(BackupManifest.FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw new Refused("--restore needs a backup folder (one holding " + BackupManifest.FILE + "), and "
                    + source.toAbsolutePath() + " is not one");
        }
        if (Files.isDirectory(dataDir)) {
            try (var entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new Refused("the data folder " + dataDir.toAbsolutePath() + " is not empty: a restore"
                            + " only goes into an empty or new folder, so it never overwrites live data. Give an"
                            + " empty --data-dir, or move the current files away first.");
                }
            }
        } else if (Files.exists(dataDir)) {
            throw new Refused("--data-dir " + dataDir.toAbsolutePath() + " is a file, not a folder");
        }
        var manifest = json.readValue(manifestFile.toFile(), BackupManifest.class);
        if (manifest.files().stream().noneMatch(f -> f.name().equals(databaseName))) {
            throw new Damaged("the backup " + folder + " lists no " + databaseName);
        }
        for (var file : manifest.files()) {
            Path in = folder.resolve(file.name());
            if (!in.getParent().equals(folder) || !Files.isRegularFile(in)) {
                throw new Damaged("the backup lacks " + file.name() + ", which its manifest lists");
            }
            if (Files.size(in) != file.bytes() || !Backups.sha256(in).equals(file.sha256())) {
                throw new Damaged(file.name() + " in the backup does not match its manifest's size and SHA-256:"
                        + " the copy is damaged; restore another backup");
            }
        }
        Files.createDirectories(dataDir);
        List<Path> copied = new ArrayList<>();
        try {
            for (var file : manifest.files()) {
                Path out = dataDir.resolve(file.name());
                Files.copy(folder.resolve(file.name()), out);
                copied.add(out);
                if (file.name().endsWith(KeyFiles.SUFFIX)) {
                    KeyFiles.restrict(out);
                }
            }
            String check = integrityCheck(dataDir.resolve(databaseName));
            if (!"ok".equals(check)) {
                throw new Damaged("PRAGMA integrity_check on the restored database answered: " + check);
            }
            return manifest;
        } catch (IOException | RuntimeException e) {
            for (Path p : copied) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dataDir.resolve(databaseName + "-wal"));
            Files.deleteIfExists(dataDir.resolve(databaseName + "-shm"));
            throw e;
        }
    }

    /** "ok", or the first problems SQLite found. */
    static String integrityCheck(Path database) {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
             var rows = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            var problems = new ArrayList<String>();
            while (rows.next() && problems.size() < 5) {
                problems.add(rows.getString(1));
            }
            return String.join("; ", problems);
        } catch (SQLException e) {
            return "cannot open it: " + e.getMessage();
        }
    }
}
