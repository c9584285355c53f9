package org.queuedesk.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The stream's address: this desktop asks for event wire version 2 (README "Event wire"), resuming or not. */
class EventStreamUriTest {

    @Test
    void asksForVersionTwoWithAndWithoutSince() {
        assertThat(EventStreamClient.eventsUri(URI.create("https://clinic.example/"), 7, 41))
                .hasToString("wss://clinic.example/api/sites/7/events?v=2&since=41");
        assertThat(EventStreamClient.eventsUri(URI.create("http://127.0.0.1:8080"), 7, -1))
                .hasToString("ws://127.0.0.1:8080/api/sites/7/events?v=2");
    }
}
