package org.queuedesk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.common.notify.StatusLinkDto;
import org.queuedesk.common.notify.TicketSmsDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.server.notify.FakeSnsServer;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/**
 * The purge of personal data past the retention, on a real SQLite file through the real server:
 * tickets with names and phones are issued on day 0, the clock moves past the retention, and afterwards no
 * trace of those names and numbers is left in any column of any table, while everything reports need stays.
 */
class PersonalDataPurgeIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int RETENTION_DAYS = 30;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-01T08:00:00Z"));
    private TestServer server;
    private Api admin;
    private Api reception;
    private long service;

    @BeforeEach
    void start() {
        server = TestServer.startWith(clock, config -> config.withDemo(true)
                .withRetention(new RetentionSettings(RETENTION_DAYS)));
        signIn();
        long site = admin.createSite("Hillside Clinic", "Europe/Madrid").id();
        service = admin.createService(site, "General practice", "A").id();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void afterTheRetentionNoNameOrPhoneOfOldTicketsIsLeftAnywhereAndEverythingElseStays() {
        // day 0: three patients with names and phones, one without; one is served, one stops text messages
        TicketDto served = issue("Zenobia Quintanilla", "+34 600 111 001", "issue-zenobia");
        TicketDto optedOut = issue("Ximena Valdelomar", "+34600111002", null);
        TicketDto waiting = issue("Quirino Albarracin", "+34600111003", null);
        TicketDto anonymous = issue(null, null, null);
        awaitMessagesLogged(served.id(), 1);
        awaitMessagesLogged(waiting.id(), 1);
        String token = statusToken(optedOut.id());
        assertThat(server.api().post("/t/" + token + "/stop-sms", null).status()).isEqualTo(200);
        long room = admin.createRoom(served.siteId(), "Room 1").id();
        var session = admin.openSession(room, List.of(service), "doctor");
        assertThat(admin.next(session.id()).called().id()).isEqualTo(served.id());
        assertThat(admin.post("/api/sessions/" + session.id() + "/done", null).status()).isEqualTo(200);
        // its "your turn" goes out on day 0: moving the clock first would make the dispatcher give it up
        awaitMessagesLogged(served.id(), 2);

        // day 31: a new patient; the old waiting ticket is cancelled after the cutoff but before the purge,
        // so a fresh stored reply, message and event still carry its name and number
        advance(Duration.ofDays(RETENTION_DAYS + 1));
        TicketDto recent = issue("Nuevo Paciente", "+34600999888", null);
        var cancel = reception.post("/api/tickets/" + waiting.id() + "/cancel", null, "cancel-quirino");
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.body()).contains("Quirino");
        awaitMessagesLogged(waiting.id(), 2);
        awaitMessagesLogged(recent.id(), 1);
        assertThat(valuesContaining("Zenobia", "600111001", "Ximena", "600111002", "Quirino", "600111003"))
                .as("the scan finds personal data while it is there").isNotEmpty();
        int oldMessages = server.server().database().read(h -> h.createQuery(
                "SELECT count(*) FROM sms_outbox WHERE ticket_id IN (<ids>)")
                .bindList("ids", List.of(served.id(), optedOut.id(), waiting.id())).mapTo(Integer.class).one());

        var report = admin.post("/api/admin/privacy/purge", null).as(PurgeReport.class);

        assertThat(report.retentionDays()).isEqualTo(RETENTION_DAYS);
        assertThat(report.tickets()).isEqualTo(3);
        assertThat(report.textMessages()).isEqualTo(oldMessages).isGreaterThanOrEqualTo(4);
        assertThat(report.statusLinks()).isEqualTo(3); // each ticket got its link when it was issued
        assertThat(report.events()).isPositive();
        assertThat(report.storedReplies()).isEqualTo(2); // day 0's reply deleted, the cancel's scrubbed
        assertThat(valuesContaining("Zenobia", "Quintanilla", "600111001", "Ximena", "Valdelomar", "600111002",
                "Quirino", "Albarracin", "600111003"))
                .as("every text column of every table after the purge").isEmpty();
        // SQLite's secure_delete zeroes what the purge removed; PostgreSQL keeps dead row versions until VACUUM
        // (docs/postgresql.md), and its files are the database server's, not in the data folder
        if (!org.queuedesk.server.testing.TestStore.postgres()) {
            assertThat(filesContaining("Zenobia", "600111001", "Ximena", "600111002", "Quirino", "600111003"))
                    .as("the bytes of the database file and its log, free pages included").isEmpty();
        }

        // the recent patient is untouched, everywhere
        assertThat(admin.ticket(recent.id()).patientName()).isEqualTo("Nuevo Paciente");
        assertThat(admin.get("/api/tickets/" + recent.id() + "/phone").as(org.queuedesk.common.ticket.TicketPhoneDto.class)
                .phone()).isEqualTo("+34600999888");
        assertThat(valuesContaining("Nuevo Paciente")).anyMatch(v -> v.startsWith("tickets."))
                .anyMatch(v -> v.startsWith("events."));
        assertThat(valuesContaining("600999888")).anyMatch(v -> v.startsWith("sms_outbox.phone"));

        // numbers, states, times and message counts stay for reports
        var old = admin.ticket(served.id());
        assertThat(old.number()).isEqualTo(served.number());
        assertThat(old.state()).isEqualTo(TicketState.DONE);
        assertThat(old.issuedAt()).isEqualTo(served.issuedAt());
        assertThat(old.patientName()).isNull();
        assertThat(old.phone()).isNull();
        assertThat(admin.ticket(anonymous.id()).number()).isEqualTo("A-004");
        var messages = admin.get("/api/tickets/" + served.id() + "/sms").as(TicketSmsDto.class).messages();
        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m.state()).isEqualTo("logged"));
        int lastSeq = server.server().database().read(h -> h.createQuery(
                "SELECT last_seq FROM ticket_counters WHERE service_id = :s AND local_date = :d")
                .bind("s", service).bind("d", served.serviceDate().toString()).mapTo(Integer.class).one());
        assertThat(lastSeq).isEqualTo(4);

        // numbering goes on without reuse: today's next number, and a ticket id never seen before
        TicketDto after = issue(null, null, null);
        assertThat(after.number()).isEqualTo("A-002");
        assertThat(after.id()).isGreaterThan(recent.id());

        // stored events still read as events (the live stream replays them)
        server.server().database().read(h -> h.createQuery("SELECT payload FROM events").mapTo(String.class).list())
                .forEach(payload -> readEvent(payload));

        // a retried cancel gets its stored answer again, without the name
        var replay = reception.post("/api/tickets/" + waiting.id() + "/cancel", null, "cancel-quirino");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.as(TicketDto.class).patientName()).isNull();
        assertThat(replay.body()).doesNotContain("Quirino").doesNotContain("600111003");

        // the opt-out outlives the number: a new ticket for that number gets no message
        TicketDto again = issue("Ximena Valdelomar", "+34600111002", null);
        var sms = admin.get("/api/tickets/" + again.id() + "/sms").as(TicketSmsDto.class);
        assertThat(sms.optedOut()).isTrue();
        assertThat(sms.messages()).allSatisfy(m -> assertThat(m.state()).isEqualTo("opted_out"));

        // recorded with counts, and no personal data in the record
        String audit = admin.get("/api/audit").body();
        assertThat(audit).contains("privacy.purge").contains("3 tickets").contains("admin")
                .doesNotContain("Zenobia").doesNotContain("600111");
    }

    @Test
    void purgingAgainChangesNothing() {
        issue("Zenobia Quintanilla", "+34600111001", "issue-zenobia");
        advance(Duration.ofDays(RETENTION_DAYS + 1));
        var first = admin.post("/api/admin/privacy/purge", null).as(PurgeReport.class);
        assertThat(first.tickets()).isEqualTo(1);
        String before = everyValue();

        var second = admin.post("/api/admin/privacy/purge", null).as(PurgeReport.class);

        assertThat(second.tickets()).isZero();
        assertThat(second.textMessages()).isZero();
        assertThat(second.events()).isZero();
        assertThat(second.storedReplies()).isZero();
        assertThat(second.statusLinks()).isZero();
        assertThat(everyValue()).isEqualTo(before); // only the audit log grew
    }

    @Test
    void ticketsStillInsideTheRetentionAreKept() {
        issue("Zenobia Quintanilla", "+34600111001", null);
        advance(Duration.ofDays(RETENTION_DAYS).minusMinutes(1));

        var report = admin.post("/api/admin/privacy/purge", null).as(PurgeReport.class);

        assertThat(report.tickets()).isZero();
        assertThat(valuesContaining("Zenobia", "600111001")).isNotEmpty();
    }

    @Test
    void onlyAnAdminMayPurge() {
        assertThat(server.api().post("/api/admin/privacy/purge", null).status()).isEqualTo(401);
        assertThat(reception.post("/api/admin/privacy/purge", null).status()).isEqualTo(403);
        assertThat(server.api().signedInAs("doctor", "doctor").post("/api/admin/privacy/purge", null).status())
                .isEqualTo(403);
        assertThat(admin.post("/api/admin/privacy/purge", null).status()).isEqualTo(200);
    }

    @Test
    void theServerPurgesByItselfWhenItStarts() {
        TicketDto old = issue("Zenobia Quintanilla", "+34600111001", null);
        Path dataDir = server.dataDir();
        server.close();
        clock.advance(Duration.ofDays(RETENTION_DAYS + 1));

        server = TestServer.startOn(dataDir, clock); // the default retention is 30 days too
        FakeSnsServer.await(WAIT, "the start-up purge", () -> server.api().ticket(old.id()).patientName() == null);

        assertThat(server.api().ticket(old.id()).phone()).isNull();
        assertThat(valuesContaining("Zenobia", "600111001")).isEmpty();
    }

    @Test
    void aLargePurgeIsWrittenInSmallBatches() {
        for (int i = 0; i < 5; i++) {
            issue("Patient " + i, null, null);
        }
        clock.advance(Duration.ofDays(RETENTION_DAYS + 1));
        var purge = server.server().purge().inBatchesOf(2); // the server's retention and clock

        var report = purge.run("test");

        assertThat(report.tickets()).isEqualTo(5);
        assertThat(report.batches()).isGreaterThanOrEqualTo(3); // 2 + 2 + 1 tickets, each its own transaction
        assertThat(valuesContaining("Patient ")).isEmpty();
    }

    private void signIn() {
        admin = server.api().signedInAs("admin", "admin");
        reception = server.api().signedInAs("reception", "reception");
    }

    /** Moves the clock; access tokens last minutes, so staff sign in again. */
    private void advance(Duration duration) {
        clock.advance(duration);
        signIn();
    }

    private TicketDto issue(String name, String phone, String idempotencyKey) {
        return reception.post("/api/tickets", new IssueTicketRequest(service, null, null, name, phone, null),
                idempotencyKey).as(TicketDto.class);
    }

    private String statusToken(long ticketId) {
        String url = admin.get("/api/tickets/" + ticketId + "/status-link").as(StatusLinkDto.class).url();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private void awaitMessagesLogged(long ticketId, int count) {
        FakeSnsServer.await(WAIT, count + " logged messages of ticket " + ticketId,
                () -> admin.get("/api/tickets/" + ticketId + "/sms").as(TicketSmsDto.class).messages().stream()
                        .filter(m -> m.state().equals("logged")).count() >= count);
    }

    /** The needles found anywhere in the bytes of the database file or its write-ahead log. */
    private List<String> filesContaining(String... needles) {
        var found = new ArrayList<String>();
        for (String name : new String[] {"queuedesk.db", "queuedesk.db-wal"}) {
            Path file = server.dataDir().resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            try {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String needle : needles) {
                    String encoded = new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                    if (bytes.contains(encoded)) {
                        found.add(name + ": " + needle);
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return found;
    }

    private static void readEvent(String payload) {
        try {
            Api.JSON.readValue(payload, QueueEvent.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("unreadable event after the purge: " + payload, e);
        }
    }

    /**
     * Every value of every column of every table in the database file (read through a connection of its own,
     * not the server's), as {@code table.column: value}, that contains one of the needles.
     */
    private List<String> valuesContaining(String... needles) {
        var hits = new ArrayList<String>();
        forEachValue((where, value) -> {
            for (String needle : needles) {
                if (value.contains(needle)) {
                    hits.add(where + ": " + value);
                    return;
                }
            }
        });
        return hits;
    }

    private String everyValue() {
        var all = new StringBuilder();
        forEachValue((where, value) -> {
            if (!where.startsWith("audit_log.")) {
                all.append(where).append('=').append(value).append('\n');
            }
        });
        return all.toString();
    }

    private void forEachValue(java.util.function.BiConsumer<String, String> visitor) {
        try {
            scan(visitor);
        } catch (SQLException e) {
            throw new AssertionError("cannot read the database file", e);
        }
    }

    private void scan(java.util.function.BiConsumer<String, String> visitor) throws SQLException {
        var tables = server.server().database().read(org.queuedesk.server.testing.TestStore::tables);
        try (var h = server.server().database().jdbi().open()) {
            Connection c = h.getConnection();
            assertThat(tables).contains("tickets", "sms_outbox", "sms_opt_outs", "events", "idempotency_keys",
                    "ticket_tokens", "audit_log");
            for (String table : tables) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                    var meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String value = rs.getString(i);
                            if (value != null) {
                                visitor.accept(table + "." + meta.getColumnName(i), value);
                            }
                        }
                    }
                }
            }
        }
    }
}
