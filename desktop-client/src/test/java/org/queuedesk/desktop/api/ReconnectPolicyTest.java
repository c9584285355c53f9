package org.queuedesk.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    @Test
    void retryDelayDoublesFromTheFirstRetryAndStopsAtTheCap() {
        ReconnectPolicy policy = new ReconnectPolicy(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(30));

        assertThat(policy.retryDelay(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.retryDelay(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.retryDelay(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.retryDelay(10_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void capBelowTheFirstRetryIsRefused() {
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
