package org.queuedesk.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.queuedesk.desktop.ground.Mode;

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
        LaunchOptions options = LaunchOptions.from(Map.of("mode", "manager"));

        assertThat(options.mode()).isEmpty();
        assertThat(options.warnings()).singleElement().asString().contains("manager");
    }

    @Test
    void adminIsAModeOfItsOwn() {
        // issue 14: the management screens are a mode, opened straight with --mode=admin by an admin
        assertThat(LaunchOptions.from(Map.of("mode", "admin")).mode()).contains(Mode.ADMIN);
    }

    @Test
    void aKioskTakesItsDeviceTokenFromTheFlagBeforeTheEnvironment() {
        var env = Map.of("QUEUEDESK_DEVICE_TOKEN", "qdd_from-env", "QUEUEDESK_KIOSK_PIN", "9999");

        assertThat(LaunchOptions.from(Map.of("mode", "kiosk"), env).deviceToken()).contains("qdd_from-env");
        assertThat(LaunchOptions.from(Map.of("device-token", "qdd_flag"), env).deviceToken()).contains("qdd_flag");
        assertThat(LaunchOptions.from(Map.of(), env).kioskPin()).isEqualTo("9999");
        assertThat(LaunchOptions.from(Map.of("kiosk-pin", "12"), Map.of()).kioskPin())
                .isEqualTo(LaunchOptions.DEFAULT_KIOSK_PIN);
        assertThat(LaunchOptions.from(Map.of(), Map.of()).deviceToken()).isEmpty();
    }
}
