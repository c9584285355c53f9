package org.queuedesk.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void modeServerAndLanguageComeFromNamedArguments() {
        LaunchOptions options = LaunchOptions.from(Map.of("mode", "Kiosk", "server", "http://desk:7070", "lang", "es"));

        assertThat(options.mode()).contains(Mode.KIOSK);
        assertThat(options.server()).isEqualTo("http://desk:7070");
        assertThat(options.locale()).isEqualTo(Locale.forLanguageTag("es"));
        assertThat(options.warnings()).isEmpty();
    }

    @Test
    void withoutArgumentsTheStartScreenUsesTheLocalServer() {
        LaunchOptions options = LaunchOptions.from(Map.of());

        assertThat(options.mode()).isEmpty();
        assertThat(options.server()).isEqualTo("http://localhost:7070");
    }

    @Test
    void unknownModeFallsBackToTheStartScreenWithAWarning() {
        LaunchOptions options = LaunchOptions.from(Map.of("mode", "admin"));

        assertThat(options.mode()).isEmpty();
        assertThat(options.warnings()).singleElement().asString().contains("admin");
    }
}
