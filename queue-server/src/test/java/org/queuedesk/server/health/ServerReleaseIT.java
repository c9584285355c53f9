package org.queuedesk.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.auth.AuthConfigDto;
import org.queuedesk.server.testing.RunningServer;

/** The server says its release (the Maven project version) where an app looks first: /health and sign-in config. */
class ServerReleaseIT {

    @RegisterExtension
    final RunningServer server = RunningServer.demoWithSignIn();

    @Test
    void healthAndTheSignInConfigurationCarryTheProjectVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        var m = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertThat(m.find()).isTrue();
        String projectVersion = m.group(1);

        assertThat(server.api().get("/health").json().get("version").asText()).isEqualTo(projectVersion);
        assertThat(server.api().get("/api/auth/config").as(AuthConfigDto.class).serverVersion()).isEqualTo(projectVersion);
        assertThat(server.api().get("/openapi.json").json().at("/info/version").asText()).isEqualTo(projectVersion);
    }
}
