package org.queuedesk.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.auth.DevicePrinterDto;
import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.server.auth.Auth;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

/**
 * Kiosk printer trouble reaches reception: the demo kiosk reports its printer with its device token;
 * a change of state is one {@code device.printer} event on the live stream (for displays too: it holds no
 * personal data) and the current states are listed for a receptionist who starts later.
 */
class PrinterStatusIT {

    private static final List<DevicePrinterDto> NONE = List.of();
    private static final TypeReference<List<DevicePrinterDto>> PRINTERS = new TypeReference<>() { };

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    @RegisterExtension
    final RunningServer server = RunningServer.demoWithSignIn().withClock(clock);
    private Api kiosk;
    private String receptionToken;
    private Api reception;
    private WebSocket receptionStream;
    private WebSocket displayStream;
    private final LinkedBlockingQueue<JsonNode> receptionEvents = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<JsonNode> displayEvents = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        kiosk = server.api().withToken(Auth.DEMO_KIOSK_TOKEN);
        receptionToken = server.api().post("/api/auth/login", new LoginRequest("reception", "reception"))
                .as(TokenResponse.class).accessToken();
        reception = server.api().withToken(receptionToken);
    }

    @AfterEach
    void stop() {
        for (WebSocket socket : new WebSocket[] {receptionStream, displayStream}) {
            if (socket != null) {
                socket.abort();
            }
        }
    }

    @Test
    void paperOutReachesReceptionOnceAndIsListedUntilTheKioskReportsOk() throws Exception {
        assertThat(reception.get("/api/sites/1/devices/printers").as(PRINTERS)).isEqualTo(NONE);
        // since=0: the streams replay from the start, so no event can slip past before they subscribed
        receptionStream = connect(receptionToken, receptionEvents);
        displayStream = connect(Auth.DEMO_DISPLAY_TOKEN, displayEvents);

        var reported = kiosk.post("/api/devices/me/printer", new PrinterStatusRequest("paper_out", "paper end sensor"))
                .as(DevicePrinterDto.class);
        assertThat(reported.deviceName()).isEqualTo("Demo kiosk");
        assertThat(reported.state()).isEqualTo("paper_out");

        JsonNode event = nextPrinterEvent(receptionEvents);
        assertThat(event.path("type").asText()).isEqualTo("device.printer");
        assertThat(event.path("printer").path("deviceName").asText()).isEqualTo("Demo kiosk");
        assertThat(event.path("printer").path("state").asText()).isEqualTo("paper_out");
        assertThat(event.path("printer").path("deviceId").asLong()).isEqualTo(reported.deviceId());
        JsonNode forDisplay = nextPrinterEvent(displayEvents);
        assertThat(forDisplay.path("printer").path("state").asText()).isEqualTo("paper_out");

        // a receptionist who signs in now still sees the trouble
        var listed = reception.get("/api/sites/1/devices/printers").as(PRINTERS);
        assertThat(listed).singleElement().satisfies(p -> {
            assertThat(p.deviceName()).isEqualTo("Demo kiosk");
            assertThat(p.state()).isEqualTo("paper_out");
            assertThat(p.detail()).isEqualTo("paper end sensor");
        });

        // the same state again is no news; the next change is the very next printer event (other events, such as
        // the printer alert this trouble raises, may come between: README "Alerts")
        kiosk.post("/api/devices/me/printer", new PrinterStatusRequest("paper_out", null)).as(DevicePrinterDto.class);
        kiosk.post("/api/devices/me/printer", new PrinterStatusRequest("ok", null)).as(DevicePrinterDto.class);
        JsonNode back = nextPrinterEvent(receptionEvents);
        assertThat(back.path("printer").path("state").asText()).isEqualTo("ok");
        assertThat(back.path("seq").asLong()).isGreaterThan(event.path("seq").asLong());
        assertThat(reception.get("/api/sites/1/devices/printers").as(PRINTERS))
                .singleElement().extracting(DevicePrinterDto::state).isEqualTo("ok");
    }

    @Test
    void aKioskThatNeverReportedTroubleMakesNoNewsWithOk() throws Exception {
        receptionStream = connect(receptionToken, receptionEvents);
        kiosk.post("/api/devices/me/printer", new PrinterStatusRequest("ok", null)).as(DevicePrinterDto.class);
        kiosk.post("/api/devices/me/printer", new PrinterStatusRequest("offline", null)).as(DevicePrinterDto.class);
        assertThat(nextPrinterEvent(receptionEvents).path("printer").path("state").asText()).isEqualTo("offline");
    }

    @Test
    void onlyAKioskReportsAndOnlyAKnownState() {
        var body = new PrinterStatusRequest("paper_out", null);
        assertThat(reception.post("/api/devices/me/printer", body).status()).isEqualTo(403);
        assertThat(server.api().signedInAs("admin", "admin").post("/api/devices/me/printer", body).status())
                .isEqualTo(403);
        assertThat(server.api().withToken(Auth.DEMO_DISPLAY_TOKEN).post("/api/devices/me/printer", body).status())
                .isEqualTo(403);
        assertThat(server.api().post("/api/devices/me/printer", body).status()).isEqualTo(401);
        assertThat(kiosk.get("/api/sites/1/devices/printers").status()).isEqualTo(403);

        for (String bad : new String[] {"{\"state\":\"on_fire\"}", "{\"state\":null}", "{\"detail\":\"x\"}"}) {
            var refused = kiosk.postRaw("/api/devices/me/printer", bad, null);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("errors").has("state")).as(refused.body()).isTrue();
        }
        assertThat(kiosk.postRaw("/api/devices/me/printer", "", null).status()).isEqualTo(400);
        assertThat(reception.get("/api/sites/1/devices/printers").as(PRINTERS)).isEqualTo(NONE);
        assertThat(reception.get("/api/sites/99/devices/printers").status()).isEqualTo(404);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private static JsonNode nextPrinterEvent(LinkedBlockingQueue<JsonNode> events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            assertThat(event).as("a device.printer event within 10 s").isNotNull();
            if ("device.printer".equals(event.path("type").asText())) {
                return event;
            }
        }
    }

    private WebSocket connect(String token, LinkedBlockingQueue<JsonNode> events) throws Exception {
        String url = server.baseUrl().replace("http", "ws") + "/api/sites/1/events?since=0&access_token=" + token;
        var partial = new StringBuilder();
        return server.api().http().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        events.add(Api.JSON.readTree(partial.toString()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }
}
