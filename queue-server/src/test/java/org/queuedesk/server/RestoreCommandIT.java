package org.queuedesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.app.ServerConfig;
import org.queuedesk.server.backup.BackupSettings;
import org.queuedesk.server.testing.TestServer;

/**
 * {@code --restore}: into an empty (or new) data folder it restores and exits 0; a folder that holds anything
 * is refused with exit status 2 and left as it was; a backup whose file no longer matches its manifest is
 * refused with exit status 1 and nothing is left behind.
 */
@org.queuedesk.server.testing.SqliteOnly("--restore puts a backup of the SQLite file back")
class RestoreCommandIT {

    private static Path backup;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void takeABackup() {
        Path backups = TestServer.freshDir();
        try (var server = TestServer.startWith(Clock.systemUTC(), c -> c.withDemo(true)
                .withBackup(new BackupSettings(backups, null, 7)))) {
            server.api().signedInAs("admin", "admin").issue(1);
            backup = backups.resolve(server.server().backups().backUp("test").name());
        }
    }

    private int restore(Path from, Path dataDir) {
        var config = ServerConfig.from(new String[] {"--restore", from.toString(), "--data-dir", dataDir.toString()},
                Map.of());
        return Main.restore(config, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void restoresIntoANewFolderAndTheServerStartsOnIt() {
        Path dataDir = TestServer.freshDir().resolve("data");
        assertThat(restore(backup.resolve("manifest.json"), dataDir)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("integrity_check ok");
        assertThat(dataDir.resolve("queuedesk.db")).exists();
        try (var server = TestServer.startOn(dataDir, Clock.systemUTC())) {
            assertThat(server.api().ticket(1).number()).isNotBlank();
        }
    }

    @Test
    void aDataFolderThatIsNotEmptyIsRefusedWithExitStatus2() throws Exception {
        Path dataDir = TestServer.freshDir();
        Files.writeString(dataDir.resolve("notes.txt"), "live data");
        assertThat(restore(backup, dataDir)).isEqualTo(2);
        assertThat(err.toString()).contains("is not empty").contains("--data-dir");
        try (var left = Files.list(dataDir)) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("notes.txt");
        }
    }

    @Test
    void aDamagedBackupIsRefusedAndLeavesNothingBehind() throws Exception {
        Path damaged = TestServer.freshDir().resolve("damaged");
        Files.createDirectories(damaged);
        try (var files = Files.list(backup)) {
            for (Path f : files.toList()) {
                Files.copy(f, damaged.resolve(f.getFileName()));
            }
        }
        byte[] key = Files.readAllBytes(damaged.resolve("phone-hash.key"));
        key[0] ^= 1;
        Files.write(damaged.resolve("phone-hash.key"), key);
        Path dataDir = TestServer.freshDir().resolve("data");
        assertThat(restore(damaged, dataDir)).isEqualTo(1);
        assertThat(err.toString()).contains("phone-hash.key").contains("SHA-256");
        assertThat(dataDir).doesNotExist();
    }
}
