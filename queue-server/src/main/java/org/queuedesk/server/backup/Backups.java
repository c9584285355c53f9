package org.queuedesk.server.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.AuditTrail;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.DatabaseCopy;
import org.queuedesk.server.ground.KeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot backups: the database copied while the server serves, with the data folder's key files, into one folder
 * per backup with a {@link BackupManifest}.
 *
 * <p>The copy is {@link Database#copyTo}: the files copied under one read transaction, a third of the time at
 * most, so it sees exactly what was committed when it began (every ticket already acknowledged) while Next keeps
 * committing. {@code VACUUM INTO} was the first choice; on a 1 GB database it rebuilt every index for ten seconds
 * of a core and stalled Next for most of a second on two cores. SQLite's online backup API starts over after any
 * write by another connection, so under a steady stream of Nexts it may never finish.
 *
 * <p>A backup is written to {@code name.partial} and renamed when complete, so a crash mid-way never leaves
 * something that looks like a backup. After each one, backups beyond the newest {@code keep} are deleted.
 */
public final class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    static final String PREFIX = "queuedesk-";
    private static final String PARTIAL = ".partial";
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** A backup takes at most a third of the time of the disk and of a core: desks keep the rest. */
    private static final DatabaseCopy.Pace PACE = DatabaseCopy.Pace.share(1.0 / 3);

    private final Database db;
    private final Path keysDir;
    private final BackupSettings settings;
    private final Clock clock;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public Backups(Database db, Path keysDir, BackupSettings settings, Clock clock, AuditTrail audit, ObjectMapper json) {
        this.db = db;
        this.keysDir = keysDir;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
        this.json = json;
    }

    public BackupSettings settings() {
        return settings;
    }

    /**
     * Takes a backup now (one at a time), records it in the audit log under {@code actor}, then deletes the
     * backups beyond the newest {@code --backup-keep}.
     *
     * @throws ApiProblem 409 when no {@code --backup-dir} is set
     */
    public synchronized BackupManifest backUp(String actor) {
        if (db.file() == null) {
            throw ApiProblem.conflict("This server keeps its data in PostgreSQL: back it up with PostgreSQL's own"
                    + " tools (pg_dump, or the database's base backups and WAL archive), not through QueueDesk.");
        }
        if (settings.dir() == null) {
            throw ApiProblem.conflict("No backup folder is set: start the server with --backup-dir (or"
                    + " QUEUEDESK_BACKUP_DIR) naming a folder outside the data folder, then try again.");
        }
        var createdAt = clock.instant();
        String name = PREFIX + NAME_TIME.format(createdAt);
        Path partial = settings.dir().resolve(name + PARTIAL);
        Path done = settings.dir().resolve(name);
        try {
            Files.createDirectories(partial);
            long started = System.nanoTime();
            String schema = db.schemaVersion();
            Path copy = partial.resolve(db.file().getFileName().toString());
            db.copyTo(copy, PACE);
            long copied = System.nanoTime();
            var files = new ArrayList<BackupManifest.BackupFile>();
            files.add(describe(copy));
            log.debug("Backup {}: copy {} ms, checksum {} ms", name, (copied - started) / 1_000_000,
                    (System.nanoTime() - copied) / 1_000_000);
            for (Path key : KeyFiles.present(keysDir)) {
                Path target = partial.resolve(key.getFileName().toString());
                Files.copy(key, target, StandardCopyOption.COPY_ATTRIBUTES);
                KeyFiles.restrict(target);
                files.add(describe(target));
            }
            var manifest = new BackupManifest(name, createdAt, schema, org.queuedesk.common.Release.current(), files);
            Path manifestFile = partial.resolve(BackupManifest.FILE);
            json.writerWithDefaultPrettyPrinter().writeValue(manifestFile.toFile(), manifest);
            force(manifestFile);
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
            long bytes = files.stream().mapToLong(BackupManifest.BackupFile::bytes).sum();
            db.write(tx -> {
                audit.record(tx, actor, "backup", name, files.size() + " files, " + bytes + " bytes");
                return null;
            });
            log.info("Backup {} written to {} ({} bytes) in {} ms", name, settings.dir().toAbsolutePath(), bytes,
                    (System.nanoTime() - started) / 1_000_000);
            prune();
            return manifest;
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Could not write the backup " + partial.toAbsolutePath(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /** The scheduled backup: like {@link #backUp} by "system", and a failure is logged, never thrown. */
    public void scheduled() {
        try {
            backUp("system");
        } catch (RuntimeException e) {
            log.warn("The scheduled backup failed; the next one is tried at its time", e);
        }
    }

    /** The complete backups in the backup folder, oldest first (names sort by time). */
    public List<Path> list() {
        if (settings.dir() == null || !Files.isDirectory(settings.dir())) {
            return List.of();
        }
        try (var entries = Files.list(settings.dir())) {
            return entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                            && !p.getFileName().toString().endsWith(PARTIAL)
                            && Files.isRegularFile(p.resolve(BackupManifest.FILE)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prune() {
        var all = list();
        for (Path old : all.subList(0, Math.max(0, all.size() - settings.keep()))) {
            deleteQuietly(old);
            log.info("Old backup {} deleted (keeping the newest {})", old.getFileName(), settings.keep());
        }
    }

    static BackupManifest.BackupFile describe(Path file) throws IOException {
        force(file);
        return new BackupManifest.BackupFile(file.getFileName().toString(), Files.size(file), sha256(file));
    }

    /** Paced like the copy: hashing a gigabyte is seconds of a core. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            var digest = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[1024 * 1024];
            while (true) {
                long started = System.nanoTime();
                int read = in.readNBytes(chunk, 0, chunk.length);
                if (read == 0) {
                    return HexFormat.of().formatHex(digest.digest());
                }
                digest.update(chunk, 0, read);
                PACE.rest(System.nanoTime() - started);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** On disk before the backup is renamed complete. */
    private static void force(Path file) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("Could not delete {}", folder, e);
        }
    }
}
