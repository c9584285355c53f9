package org.queuedesk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

    @Test
    void withoutASettingPersonalDataIsKeptThirtyDays() {
        assertThat(RetentionSettings.parse(null).days()).isEqualTo(30);
        assertThat(RetentionSettings.parse(" ").days()).isEqualTo(30);
    }

    @Test
    void aWholeNumberOfDaysFromOneIsAccepted() {
        assertThat(RetentionSettings.parse("1").days()).isEqualTo(1);
        assertThat(RetentionSettings.parse(" 90 ").days()).isEqualTo(90);
        assertThat(RetentionSettings.parse("3650").days()).isEqualTo(3650);
    }

    @Test
    void zeroNegativeHugeAndNonNumbersAreRefusedWithTheFlagNamed() {
        for (String bad : new String[] {"0", "-5", "3651", "30d", "1.5", "true"}) {
            assertThatThrownBy(() -> RetentionSettings.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--retention-days")
                    .hasMessageContaining("QUEUEDESK_RETENTION_DAYS")
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void theCutoffIsThatManyDaysBeforeNow() {
        assertThat(new RetentionSettings(30).cutoff(Instant.parse("2026-10-31T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-01T12:00:00Z"));
    }
}
