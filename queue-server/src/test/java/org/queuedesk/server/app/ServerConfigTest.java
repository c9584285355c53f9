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
    void theKeysLiveInTheDataFolderUnlessAKeysFolderIsGiven() {
        assertThat(ServerConfig.from(new String[] {"--data-dir", "/srv/qd"}, Map.of()).keys())
                .isEqualTo(Path.of("/srv/qd"));
        assertThat(ServerConfig.from(new String[] {"--data-dir", "/srv/qd"}, Map.of("QUEUEDESK_KEYS_DIR", "/srv/keys"))
                .keys()).isEqualTo(Path.of("/srv/keys"));
        var config = ServerConfig.from(new String[] {"--keys-dir=/mnt/shared/keys"}, Map.of("QUEUEDESK_KEYS_DIR", "/x"));
        assertThat(config.keys()).isEqualTo(Path.of("/mnt/shared/keys"));
        assertThat(config.withPort(0).withDemo(true).keys()).as("kept by the with… copies")
                .isEqualTo(Path.of("/mnt/shared/keys"));
    }

    @Test
    void aDatabaseUrlSelectsPostgresqlAndThePasswordNeverShows() {
        assertThat(ServerConfig.from(new String[0], Map.of()).postgres()).as("SQLite without a URL").isNull();
        var env = Map.of("QUEUEDESK_DATABASE_URL", "jdbc:postgresql://db.example.org/queuedesk",
                "QUEUEDESK_DATABASE_USER", "qd", "QUEUEDESK_DATABASE_PASSWORD", "s3cret-pw");
        var config = ServerConfig.from(new String[0], env);
        assertThat(config.postgres().url()).isEqualTo("jdbc:postgresql://db.example.org/queuedesk");
        assertThat(config.postgres().user()).isEqualTo("qd");
        assertThat(config.postgres().password()).isEqualTo("s3cret-pw");
        assertThat(config.toString()).doesNotContain("s3cret-pw");

        var flags = ServerConfig.from(new String[] {"--database-url", "jdbc:postgresql://h/db?password=in-url",
                "--database-user=other"}, env);
        assertThat(flags.postgres().user()).isEqualTo("other");
        assertThat(flags.toString()).doesNotContain("in-url").doesNotContain("s3cret-pw");
    }

    @Test
    void databaseSettingsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--database-url", "jdbc:sqlite:x.db"}, Map.of()))
                .hasMessageContaining("--database-url must be a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--database-user", "qd"}, Map.of()))
                .hasMessageContaining("need --database-url");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--database-url", "jdbc:postgresql://h/db",
                "--backup-dir", "/srv/backups"}, Map.of()))
                .hasMessageContaining("--backup-dir works on the SQLite file only");
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

    /** A typo must not start the server on a default without a word. */
    @Test
    void unknownFlagsAreRefusedSuggestingTheNearestKnownOne() {
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--bogus-flag", "1"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown flag --bogus-flag").hasMessageContaining("--retention-days");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--retention-day", "7"}, Map.of()))
                .hasMessageContaining("unknown flag --retention-day;").hasMessageContaining("did you mean --retention-days?");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--data-dri=/tmp/x"}, Map.of()))
                .hasMessageContaining("did you mean --data-dir?");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"7070"}, Map.of()))
                .hasMessageContaining("unexpected argument '7070'");
    }

    @Test
    void invalidValuesAreRefusedNamingTheFlag() {
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--demo", "yes"}, Map.of()))
                .hasMessageContaining("--demo must be 'true' or 'false'");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--port"}, Map.of()))
                .hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--port", "1", "--port=2"}, Map.of()))
                .hasMessageContaining("--port is given twice");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--demo-time-zone", "Mars/Olympus"}, Map.of()))
                .hasMessageContaining("--demo-time-zone");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--auth=cognito", "--cognito-region", "eu-west-1",
                "--cognito-user-pool-id", "p", "--cognito-client-id", "c", "--cognito-jwks-url", "not a url"}, Map.of()))
                .hasMessageContaining("--cognito-jwks-url must be an http(s) URL");
        assertThat(ServerConfig.from(new String[] {"--demo=false"}, Map.of()).demo()).isFalse();
    }

    /** The README's configuration table is the list of flags an operator may use: every one is accepted. */
    @Test
    void everyFlagInTheReadmeIsAccepted() throws java.io.IOException {
        Path readme = java.nio.file.Files.exists(Path.of("README.md")) ? Path.of("README.md") : Path.of("..", "README.md");
        var flags = new java.util.ArrayList<String>();
        var matcher = java.util.regex.Pattern.compile("`--([a-z-]+)`").matcher(
                java.nio.file.Files.readString(readme).split("## Configuration")[1].split("\n## ")[0]);
        while (matcher.find()) {
            flags.add(matcher.group(1));
        }
        assertThat(flags).hasSizeGreaterThan(15);
        for (String flag : flags) {
            ServerConfig.checkFlags(new String[] {"--" + flag + "=x"});
        }
    }

    @Test
    void logsAreTextAndMetricsPublicUnlessConfigured() {
        var defaults = ServerConfig.from(new String[0], Map.of()).monitoring();
        assertThat(defaults.logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(defaults.metricsToken()).isEmpty();

        var configured = ServerConfig.from(new String[] {"--log-format", "json"},
                Map.of("QUEUEDESK_METRICS_TOKEN", "0123456789abcdef0123")).monitoring();
        assertThat(configured.logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(configured.metricsToken()).contains("0123456789abcdef0123");

        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--log-format=xml"}, Map.of()))
                .hasMessageContaining("--log-format must be 'text' or 'json'");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--metrics-token=secret"}, Map.of()))
                .hasMessageContaining("--metrics-token must be at least 16");
    }
}
