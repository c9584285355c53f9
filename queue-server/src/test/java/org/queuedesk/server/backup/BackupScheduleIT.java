package org.queuedesk.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;
import org.queuedesk.server.testing.TestServer;

/** Each scheduled backup is a new folder named by its time; only the newest --backup-keep stay. */
@org.queuedesk.server.testing.SqliteOnly("backups copy the SQLite file; PostgreSQL is backed up with its own tools")
class BackupScheduleIT {

    private static final Path BACKUPS = TestServer.freshDir();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

    @RegisterExtension
    final RunningServer server = RunningServer.configured(config -> config
            .withBackup(BackupSettings.from((name, fallback) -> switch (name) {
                case "backup-dir" -> BACKUPS.toString();
                case "backup-every" -> "6h";
                case "backup-keep" -> "3";
                default -> fallback;
            }))).withClock(clock);

    @Test
    void theScheduleKeepsTheNewestThreeBackups() {
        var backups = server.server().backups();
        assertThat(backups.settings().every()).isEqualTo(Duration.ofHours(6));
        for (int i = 0; i < 5; i++) {
            backups.scheduled(); // what the timer runs every 6 hours
            clock.advance(Duration.ofHours(6));
        }
        // taken at 00:00, 06:00, 12:00, 18:00 and 24:00: the last three stay
        assertThat(backups.list()).extracting(p -> p.getFileName().toString()).containsExactly(
                "queuedesk-20261201T120000.000Z", "queuedesk-20261201T180000.000Z", "queuedesk-20261202T000000.000Z");
    }
}
