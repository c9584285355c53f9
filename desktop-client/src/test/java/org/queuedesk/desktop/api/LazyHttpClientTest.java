package org.queuedesk.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyHttpClientTest {

    private final AtomicInteger built = new AtomicInteger();
    private final HttpClient lazy = new LazyHttpClient(() -> {
        built.incrementAndGet();
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    });

    @Test
    void buildsNothingUntilFirstUsed() {
        assertThat(built).hasValue(0);
    }

    @Test
    void buildsTheRealClientOnceAndAnswersWithItsSettings() {
        assertThat(lazy.connectTimeout()).contains(Duration.ofSeconds(3));
        assertThat(lazy.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(lazy.newWebSocketBuilder()).isNotNull();

        assertThat(built).hasValue(1);
    }
}
