package org.queuedesk.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.app.ServerConfig;

class SmsSettingsTest {

    @Test
    void theEmbeddedDefaultOnlyLogs() {
        var sms = ServerConfig.from(new String[0], Map.of()).sms();

        assertThat(sms.mode()).isEqualTo(SmsSettings.Mode.LOG);
        assertThat(sms.createSender()).isInstanceOf(LogSmsSender.class);
        assertThat(sms.publicUrl()).isNull();
    }

    @Test
    void flagsWinOverTheEnvironment() {
        var sms = ServerConfig.from(new String[] {"--sms=sns", "--public-url", "https://queue.clinic.example/",
                        "--sms-max-per-phone-per-day=2"},
                Map.of("QUEUEDESK_SMS", "log", "QUEUEDESK_SNS_ENDPOINT", "http://127.0.0.1:4566",
                        "QUEUEDESK_SMS_SENDER_ID", "Riverside", "QUEUEDESK_SMS_GIVE_UP_AFTER_MINUTES", "10")).sms();

        assertThat(sms.mode()).isEqualTo(SmsSettings.Mode.SNS);
        assertThat(sms.snsEndpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
        assertThat(sms.senderId()).isEqualTo("Riverside");
        assertThat(sms.publicUrl()).isEqualTo("https://queue.clinic.example");
        assertThat(sms.maxPerPhonePerDay()).isEqualTo(2);
        assertThat(sms.giveUpAfter()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void badValuesAreRefusedNamingTheFlag() {
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--sms=carrier-pigeon"}, Map.of()))
                .hasMessageContaining("--sms must be 'log' or 'sns'");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--public-url=queue"}, Map.of()))
                .hasMessageContaining("--public-url");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--sms-max-per-kiosk-per-minute=-1"}, Map.of()))
                .hasMessageContaining("--sms-max-per-kiosk-per-minute");
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToTheMaximum() {
        var settings = SmsSettings.defaults().withRetries(Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofMinutes(30), Duration.ofSeconds(5));
        var dispatcher = new SmsDispatcher(null, new LogSmsSender(), settings, null, null, null);
        for (int failures = 1; failures <= 12; failures++) {
            long full = Math.min(60_000, 1000L << (failures - 1));
            assertThat(dispatcher.backoff(failures).toMillis()).as("after %d failures", failures)
                    .isBetween(full / 2, full);
        }
    }
}
