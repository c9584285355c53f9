package org.queuedesk.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.desktop.api.ReconnectPolicy;

/**
 * Events carry patients' names and phone numbers, which are never logged unmasked (README, privacy). An event
 * this client cannot read is logged by its type and number only, whatever made it unreadable.
 */
class EventStreamClientLogTest {

    private static final String NAME = "Maria Lopez";
    private static final String PHONE = "+34600123456";

    private final Logger logger = Logger.getLogger(EventStreamClient.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<QueueEvent> heard = new ArrayList<>();

    @BeforeEach
    void captureTheLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        scheduler.shutdownNow();
    }

    @Test
    void anEventOfAnUnknownTypeIsLoggedByTypeAndNumberWithoutItsPatient() {
        receive(event(7, "ticket.teleported", "\"recallCount\": 0"));

        assertThat(heard).isEmpty();
        assertThat(onlyWarning()).contains("ticket.teleported").contains("seq 7");
    }

    @Test
    void anEventWhosePatientFieldsCannotBeReadIsLoggedWithoutThem() {
        // the parser's own message quotes the value it could not read: here the patient's name
        receive(event(8, "ticket.issued", "\"recallCount\": \"" + NAME + "\""));

        assertThat(heard).isEmpty();
        assertThat(onlyWarning()).contains("ticket.issued").contains("seq 8");
    }

    @Test
    void aTruncatedEventIsLoggedWithoutWhatArrivedOfIt() {
        String event = event(9, "ticket.issued", "\"recallCount\": 0");
        receive(event.substring(0, event.indexOf(PHONE) + PHONE.length()));

        assertThat(heard).isEmpty();
        onlyWarning();
    }

    /** The one warning logged, as a log file would show it (with the exception), once checked for personal data. */
    private String onlyWarning() {
        assertThat(records).hasSize(1);
        LogRecord record = records.get(0);
        assertThat(record.getLevel()).isEqualTo(Level.WARNING);
        String logged = new SimpleFormatter().format(record);
        assertThat(logged).doesNotContain(NAME).doesNotContain("Lopez").doesNotContain(PHONE).doesNotContain("600123456");
        return logged;
    }

    private static String event(long seq, String type, String extraTicketField) {
        return """
                {"seq": %d, "siteId": 1, "type": "%s", "at": "2026-03-02T09:00:00Z", "actor": "reception",
                 "ticket": {"id": 3, "siteId": 1, "serviceId": 1, "number": "A-003", "serviceDate": "2026-03-02",
                            "state": "waiting", "priority": "normal", "source": "reception",
                            "patientName": "%s", "phone": "%s", %s}}""".formatted(seq, type, NAME, PHONE, extraTicketField);
    }

    /** Starts the stream on a socket that opens at once and delivers {@code text} as one message. */
    private void receive(String text) {
        var client = new EventStreamClient(new OneMessageHttpClient(text), new TokenStore(Clock.systemUTC()), scheduler,
                new ReconnectPolicy(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)), Runnable::run);
        client.start(URI.create("http://localhost:1"), 1, 0, new EventStreamClient.Listener() {
            @Override
            public void onEvent(QueueEvent event) {
                heard.add(event);
            }

            @Override
            public void onConnected(boolean afterDrop) {
            }

            @Override
            public void onDisconnected(Duration retryIn) {
            }
        });
        client.stop();
    }

    /** An HTTP client whose WebSocket opens at once, on the calling thread, and receives one text message. */
    private static final class OneMessageHttpClient extends HttpClient {
        private final String message;

        OneMessageHttpClient(String message) {
            this.message = message;
        }

        @Override
        public WebSocket.Builder newWebSocketBuilder() {
            WebSocket socket = (WebSocket) Proxy.newProxyInstance(WebSocket.class.getClassLoader(),
                    new Class<?>[] {WebSocket.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "request", "abort" -> null;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            return (WebSocket.Builder) Proxy.newProxyInstance(WebSocket.Builder.class.getClassLoader(),
                    new Class<?>[] {WebSocket.Builder.class}, (proxy, method, args) -> {
                        if (!method.getName().equals("buildAsync")) {
                            return proxy; // header, timeout: nothing to do
                        }
                        var listener = (WebSocket.Listener) args[1];
                        listener.onOpen(socket);
                        listener.onText(socket, message, true);
                        return CompletableFuture.completedFuture(socket);
                    });
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SSLParameters sslParameters() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
            throw new IOException("no HTTP in this test");
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            return CompletableFuture.failedFuture(new IOException("no HTTP in this test"));
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> push) {
            return CompletableFuture.failedFuture(new IOException("no HTTP in this test"));
        }
    }
}
