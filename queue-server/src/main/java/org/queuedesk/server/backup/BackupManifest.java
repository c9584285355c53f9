package org.queuedesk.server.backup;

import java.time.Instant;
import java.util.List;

/**
 * What one backup holds ({@code manifest.json} in its folder): when it was taken, the schema version of its
 * database and the server release that took it, and each file with its size and SHA-256, which a restore
 * checks before it copies anything.
 */
public record BackupManifest(String name, Instant createdAt, String schemaVersion, String serverVersion,
                             List<BackupFile> files) {

    public static final String FILE = "manifest.json";

    public BackupManifest {
        files = List.copyOf(files);
    }

    /** One file of the backup, by its name in the backup folder (and in the data folder it restores to). */
    public record BackupFile(String name, long bytes, String sha256) {
    }
}
