package org.queuedesk.server.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The online limits' flags and their defaults, as README's Configuration table lists them. */
class OnlineSettingsTest {

    @Test
    void theDefaultsAreTheReadmes() {
        var settings = OnlineSettings.from((name, fallback) -> fallback);
        assertThat(settings).isEqualTo(new OnlineSettings(3, 10, 2, 20, 2, 10));
        assertThat(OnlineSettings.CODE_LIFETIME).hasMinutes(10);
        assertThat(OnlineSettings.MAX_WRONG_TRIES).isEqualTo(5);
    }

    @Test
    void eachLimitHasItsFlag() {
        var given = Map.of("online-codes-per-phone-per-hour", "1", "online-codes-per-address-per-hour", "50",
                "online-tickets-per-phone-per-day", "4", "online-tries-per-address-per-hour", "200",
                "online-bookings-per-phone-per-day", "3", "online-bookings-per-address-per-day", "30");
        assertThat(OnlineSettings.from((name, fallback) -> given.getOrDefault(name, fallback)))
                .isEqualTo(new OnlineSettings(1, 50, 4, 200, 3, 30));
    }

    @Test
    void aValueThatIsNoCountStopsTheStartNamingTheFlag() {
        assertThatThrownBy(() -> OnlineSettings.from((name, fallback) ->
                name.equals("online-tickets-per-phone-per-day") ? "two" : fallback))
                .hasMessageContaining("--online-tickets-per-phone-per-day");
    }
}
