package org.queuedesk.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backup flags as README's configuration table gives them. */
class BackupSettingsTest {

    private static BackupSettings from(Map<String, String> flags) {
        return BackupSettings.from((name, fallback) -> flags.getOrDefault(name, fallback));
    }

    @Test
    void intervalsInMinutesHoursAndDaysAndSevenKeptByDefault() {
        var settings = from(Map.of("backup-dir", "/srv/backups", "backup-every", "6h"));
        assertThat(settings.dir()).isEqualTo(Path.of("/srv/backups"));
        assertThat(settings.every()).isEqualTo(Duration.ofHours(6));
        assertThat(settings.keep()).isEqualTo(7);
        assertThat(settings.scheduled()).isTrue();
        assertThat(from(Map.of("backup-dir", "b", "backup-every", "30m")).every()).isEqualTo(Duration.ofMinutes(30));
        assertThat(from(Map.of("backup-dir", "b", "backup-every", "1D")).every()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aFolderAloneMeansOnDemandOnlyAndNothingMeansNoBackups() {
        assertThat(from(Map.of("backup-dir", "b")).scheduled()).isFalse();
        assertThat(from(Map.of()).dir()).isNull();
    }

    @Test
    void valuesItCannotTakeAreRefusedNamingTheFlag() {
        assertThatThrownBy(() -> from(Map.of("backup-dir", "b", "backup-every", "6 hours")))
                .hasMessageContaining("--backup-every").hasMessageContaining("6h");
        assertThatThrownBy(() -> from(Map.of("backup-dir", "b", "backup-every", "0h")))
                .hasMessageContaining("--backup-every");
        assertThatThrownBy(() -> from(Map.of("backup-every", "6h"))).hasMessageContaining("needs --backup-dir");
        assertThatThrownBy(() -> from(Map.of("backup-dir", "b", "backup-keep", "0")))
                .hasMessageContaining("--backup-keep must be a number from 1 to 1000");
    }
}
