package org.queuedesk.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.queuedesk.common.alert.AlertDto;
import org.queuedesk.common.alert.AlertRule;
import org.queuedesk.common.alert.AlertTier;
import org.queuedesk.common.auth.DevicePrinterDto;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.common.notify.SmsMessageDto;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;

/** Each kind of event against the JSON the README's "Event wire" describes, written out by hand in test resources. */
class QueueEventJsonTest {

    private final ObjectMapper json = JsonMapperFactory.create();

    private static Instant t(String time) {
        return Instant.parse("2026-03-02T" + time + "Z");
    }

    private static final TicketDto TICKET = new TicketDto(42, 1, 2, "A-042", LocalDate.parse("2026-03-02"),
            TicketState.NO_SHOW, Priority.NORMAL, TicketSource.RECEPTION, "Ana Ruiz", "+34600111222", "Dr. Vidal",
            3L, 4L, null, t("08:50:00"), t("08:50:00"), t("09:10:00"), t("09:15:00"), 1);
    private static final TicketEvent NO_SHOW =
            new TicketEvent(7, 1, EventType.TICKET_NO_SHOW, t("09:15:00"), "anna", TICKET);
    private static final SessionEvent OPENED = new SessionEvent(3, 1, EventType.SESSION_OPENED, t("08:00:00"),
            "dr.vidal", new SessionDto(4, 1, 3, "Room 3", "Dr. Vidal", List.of(2L, 5L), false, null, t("08:00:00"), null));
    private static final SmsEvent SMS = new SmsEvent(9, 1, t("09:10:01"), "sms", new SmsMessageDto(11, 42,
            "your_turn", "sent", "+34******222", "es", 1, t("09:10:00"), t("09:10:01"), null, "sns-123"));
    private static final PrinterEvent PRINTER = new PrinterEvent(12, 1, EventType.DEVICE_PRINTER, t("10:00:00"),
            "Kiosk hall", new DevicePrinterDto(6, "Kiosk hall", "paper_out", "Paper out", t("09:59:58")));

    private static final AlertDto ALERT = new AlertDto(5, 1, AlertRule.OLDEST_WAIT, AlertTier.HIGH, 2L, null,
            "General", 31.5, "Oldest ticket waiting 31 min (high from 30)", 30, t("09:20:00"), t("09:31:00"), null, null,
            null);
    private static final AlertEvent ESCALATED =
            new AlertEvent(15, 1, EventType.ALERT_ESCALATED, t("09:31:00"), "server", ALERT);

    private JsonNode expected(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Written as expected, and read back from that text into the same event of the same kind. */
    private void roundTrip(QueueEvent event, String resource) throws IOException {
        assertThat(json.readTree(json.writeValueAsString(event))).isEqualTo(expected(resource));
        QueueEvent read = json.readValue(expected(resource).toString(), QueueEvent.class);
        assertThat(read).isEqualTo(event).isInstanceOf(event.getClass());
    }

    @Test
    void ticketEvent() throws IOException {
        roundTrip(NO_SHOW, "ticket-no-show.v2.json");
    }

    /** A ticket its day left open, closed at the site's midnight (README, Lifecycle); same name in both versions. */
    @Test
    void ticketExpiredEvent() throws IOException {
        var ticket = new TicketDto(43, 1, 2, "A-043", LocalDate.parse("2026-03-02"), TicketState.EXPIRED,
                Priority.NORMAL, TicketSource.KIOSK, null, null, null, null, null, null, t("17:40:00"), t("17:40:00"),
                null, t("23:00:30"), 0);
        roundTrip(new TicketEvent(8, 1, EventType.TICKET_EXPIRED, t("23:00:30"), "system", ticket), "ticket-expired.json");
    }

    @Test
    void sessionEvent() throws IOException {
        roundTrip(OPENED, "session-opened.json");
    }

    @Test
    void smsEvent() throws IOException {
        roundTrip(SMS, "sms-updated.json");
    }

    @Test
    void printerEvent() throws IOException {
        roundTrip(PRINTER, "device-printer.json");
    }

    @Test
    void alertEvent() throws IOException {
        roundTrip(ESCALATED, "alert-escalated.json");
    }

    /** A lowered tier is the alert kind's one type whose version 1 name differs (an underscore in the change). */
    @Test
    void alertEventInVersionOne() throws IOException {
        var lowered = new AlertEvent(16, 1, EventType.ALERT_TIER_LOWERED, t("09:31:00"), "server", ALERT);
        String v1 = EventWire.V1.writer(json).writeValueAsString(lowered);
        assertThat(json.readTree(v1)).isEqualTo(expected("alert-tier-lowered.v1.json"));
        assertThat(json.readValue(v1, QueueEvent.class)).isEqualTo(lowered);
    }

    /** Displays and kiosks never get an alert; every other kind reaches them (without personal data). */
    @Test
    void onlyAlertsAreForStaffOnly() {
        assertThat(ESCALATED.forStaffOnly()).isTrue();
        assertThat(List.of(NO_SHOW, OPENED, SMS, PRINTER)).noneMatch(QueueEvent::forStaffOnly);
    }

    @Test
    void versionOneSpellsTheTypeWithDotsAndIsOtherwiseTheSame() throws IOException {
        String v1 = EventWire.V1.writer(json).writeValueAsString(NO_SHOW);
        assertThat(json.readTree(v1)).isEqualTo(expected("ticket-no-show.v1.json"));
        assertThat(json.readValue(v1, QueueEvent.class)).isEqualTo(NO_SHOW);
        assertThat(json.readTree(EventWire.V2.writer(json).writeValueAsString(NO_SHOW)))
                .isEqualTo(expected("ticket-no-show.v2.json"));
    }

    /** The event log keeps rows written before: version 1 names, and every kind's payload field, null but one. */
    @Test
    void anEventLoggedBeforeVersionTwoIsStillRead() throws IOException {
        var logged = expected("ticket-no-show.logged-before-v2.json").toString();
        assertThat(json.readValue(logged, QueueEvent.class)).isEqualTo(NO_SHOW);
    }

    @Test
    void displaysGetNoNamesPhonesTextMessagesNorActor() throws IOException {
        assertThat(json.readTree(json.writeValueAsString(NO_SHOW.withoutPersonalData())))
                .isEqualTo(expected("ticket-no-show.display.json"));
        assertThat(json.readTree(json.writeValueAsString(SMS.withoutPersonalData())))
                .isEqualTo(expected("sms-updated.display.json"));
        assertThat(PRINTER.withoutPersonalData().printer()).isEqualTo(PRINTER.printer());
        assertThat(OPENED.withoutPersonalData().session()).isEqualTo(OPENED.session());
    }

    @ParameterizedTest
    @CsvFileSource(resources = "event-types.csv")
    void typeNamesPerWireVersion(String constant, String v1, String v2) {
        var type = EventType.valueOf(constant);
        assertThat(EventWire.V1.typeName(type)).isEqualTo(v1);
        assertThat(EventWire.V2.typeName(type)).isEqualTo(v2);
        assertThat(EventType.fromWire(v1)).isEqualTo(type);
        assertThat(EventType.fromWire(v2)).isEqualTo(type);
    }

    @Test
    void aTypeOfAnotherKindOrAnUnknownTypeIsRefused() {
        assertThatThrownBy(() -> new TicketEvent(1, 1, EventType.SESSION_OPENED, t("08:00:00"), "x", TICKET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.readValue("{\"seq\":1,\"siteId\":1,\"type\":\"ticket.teleported\","
                + "\"at\":\"2026-03-02T08:00:00Z\",\"actor\":null,\"ticket\":null}", QueueEvent.class))
                .isInstanceOf(InvalidTypeIdException.class);
    }

    @Test
    void theStreamVersionIsOneUnlessAskedFor() {
        assertThat(EventWire.ofQuery(null)).isEqualTo(EventWire.V1);
        assertThat(EventWire.ofQuery("1")).isEqualTo(EventWire.V1);
        assertThat(EventWire.ofQuery("2")).isEqualTo(EventWire.V2);
        assertThatThrownBy(() -> EventWire.ofQuery("3")).isInstanceOf(IllegalArgumentException.class);
    }
}
