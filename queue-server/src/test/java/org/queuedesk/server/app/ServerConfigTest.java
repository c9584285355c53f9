package org.queuedesk.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void flagsWinOverEnvironmentWhichWinsOverDefaults() {
        var env = Map.of("QUEUEDESK_PORT", "8080", "QUEUEDESK_DATA_DIR", "/var/lib/qd", "QUEUEDESK_DEMO", "true");
        var fromEnv = ServerConfig.from(new String[0], env);
        assertThat(fromEnv.port()).isEqualTo(8080);
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/var/lib/qd"));
        assertThat(fromEnv.demo()).isTrue();

        var fromFlags = ServerConfig.from(new String[] {"--port", "0", "--data-dir=/tmp/x"}, env);
        assertThat(fromFlags.port()).isZero();
        assertThat(fromFlags.dataDir()).isEqualTo(Path.of("/tmp/x"));

        var defaults = ServerConfig.from(new String[0], Map.of());
        assertThat(defaults.port()).isEqualTo(7070);
        assertThat(defaults.demo()).isFalse();
        assertThat(defaults.databaseFile()).isEqualTo(Path.of("data", "queuedesk.db"));
    }

    @Test
    void aBareDemoFlagMeansTrue() {
        assertThat(ServerConfig.from(new String[] {"--demo"}, Map.of()).demo()).isTrue();
        assertThat(ServerConfig.from(new String[] {"--demo", "--port", "1"}, Map.of()).demo()).isTrue();
    }

    @Test
    void aBadPortIsExplained() {
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--port", "http"}, Map.of()))
                .hasMessageContaining("--port");
    }

    @Test
    void personalDataIsKeptThirtyDaysUnlessConfigured() {
        assertThat(ServerConfig.from(new String[0], Map.of()).retention().days()).isEqualTo(30);
        assertThat(ServerConfig.from(new String[0], Map.of("QUEUEDESK_RETENTION_DAYS", "7")).retention().days())
                .isEqualTo(7);
        assertThat(ServerConfig.from(new String[] {"--retention-days=90"}, Map.of("QUEUEDESK_RETENTION_DAYS", "7"))
                .retention().days()).isEqualTo(90);
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--retention-days", "0"}, Map.of()))
                .hasMessageContaining("--retention-days").hasMessageContaining("from 1");
    }
}
