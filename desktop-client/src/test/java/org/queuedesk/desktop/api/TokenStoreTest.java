package org.queuedesk.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.TokenResponse;

class TokenStoreTest {

    private Instant now = Instant.parse("2026-11-23T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final TokenStore store = new TokenStore(clock);

    @Test
    void refreshIsDueAMinuteBeforeExpiry() {
        store.store(new TokenResponse("access", "refresh", 900, "reception", List.of(Role.RECEPTIONIST)));

        now = now.plus(Duration.ofSeconds(839));
        assertThat(store.refreshDue()).isFalse();
        now = now.plusSeconds(1);
        assertThat(store.refreshDue()).isTrue();
        assertThat(store.accessToken()).contains("access");
    }

    @Test
    void shortLivedTokensRefreshAtHalfTime() {
        store.store(new TokenResponse("access", "refresh", 60, "doctor", List.of(Role.DOCTOR)));

        now = now.plusSeconds(30);
        assertThat(store.refreshDue()).isTrue();
    }

    @Test
    void signOutForgetsTheTokens() {
        store.store(new TokenResponse("access", "refresh", 900, "doctor", List.of(Role.DOCTOR)));
        store.clear();

        assertThat(store.accessToken()).isEmpty();
        assertThat(store.refreshDue()).isFalse();
    }
}
