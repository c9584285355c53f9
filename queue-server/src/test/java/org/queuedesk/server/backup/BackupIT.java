package org.queuedesk.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.auth.AuditEntry;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.RunningServer;
import org.queuedesk.server.testing.TestServer;

/**
 * A hot backup taken while tickets are issued and called holds every ticket acknowledged (201 received) before
 * it began, restores into an empty folder with {@code integrity_check} ok, and the restored server serves those
 * tickets to a token signed before the backup (its key file came along).
 */
@org.queuedesk.server.testing.SqliteOnly("backups copy the SQLite file; PostgreSQL is backed up with its own tools")
class BackupIT {

    private static final Path BACKUPS = TestServer.freshDir();

    @RegisterExtension
    final RunningServer server = RunningServer.configured(config -> config.withDemo(true)
            .withBackup(new BackupSettings(BACKUPS, null, 7)));

    @Test
    void aBackupUnderLoadHoldsEveryAcknowledgedTicketAndRestoresIntoAServerThatServesThem() throws Exception {
        var tokens = server.api().post("/api/auth/login", new LoginRequest("admin", "admin")).as(TokenResponse.class);
        Api admin = server.api().withToken(tokens.accessToken());
        long session = admin.openSession(1, List.of(1L), "doctor").id();

        var acknowledged = new ConcurrentLinkedQueue<TicketDto>();
        var failures = new ConcurrentLinkedQueue<String>();
        var enough = new CountDownLatch(40);
        var stop = new AtomicBoolean();
        var nexts = new AtomicInteger();
        var issuer = new Thread(() -> {
            while (!stop.get()) {
                var answer = admin.post("/api/tickets", new IssueTicketRequest(1L, null, null, null, null, null));
                if (answer.status() != 201) {
                    failures.add("issue " + answer.status() + " " + answer.body());
                    return;
                }
                acknowledged.add(answer.as(TicketDto.class)); // only once the 201 is here
                enough.countDown();
            }
        });
        var desk = new Thread(() -> {
            while (!stop.get()) {
                var answer = admin.post("/api/sessions/" + session + "/next", null);
                if (answer.status() != 200) {
                    failures.add("next " + answer.status() + " " + answer.body());
                    return;
                }
                nexts.incrementAndGet();
            }
        });
        issuer.start();
        desk.start();
        BackupManifest manifest;
        List<TicketDto> before;
        try {
            assertThat(enough.await(30, TimeUnit.SECONDS)).as("40 tickets issued").isTrue();
            before = List.copyOf(acknowledged);
            var answer = admin.post("/api/admin/backup", null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            manifest = answer.as(BackupManifest.class);
        } finally {
            stop.set(true);
            issuer.join(10_000);
            desk.join(10_000);
        }
        assertThat(failures).as("issues and Nexts during the backup").isEmpty();
        assertThat(nexts.get()).isPositive();

        // what the backup holds: the database and both key files, as the manifest says
        Path folder = BACKUPS.resolve(manifest.name());
        assertThat(manifest.files()).extracting(BackupManifest.BackupFile::name)
                .containsExactlyInAnyOrder("queuedesk.db", "token-signing.key", "phone-hash.key");
        for (var file : manifest.files()) {
            assertThat(Files.size(folder.resolve(file.name()))).isEqualTo(file.bytes());
        }
        assertThat(Files.readAllBytes(folder.resolve("token-signing.key")))
                .isEqualTo(Files.readAllBytes(server.dataDir().resolve("token-signing.key")));
        assertThat(manifest.schemaVersion()).isEqualTo(server.server().database().schemaVersion());
        assertThat(admin.get("/api/audit?limit=20").as(AuditEntry[].class))
                .anySatisfy(e -> assertThat(e.action() + " " + e.subject()).isEqualTo("backup " + manifest.name()));

        Path restored = TestServer.freshDir().resolve("restored");
        new Restore(JsonMapperFactory.create()).into(folder, restored, "queuedesk.db");
        String url = "jdbc:sqlite:" + restored.resolve("queuedesk.db").toAbsolutePath();
        Set<Long> inCopy;
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            try (var rows = s.executeQuery("PRAGMA integrity_check")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("ok");
            }
            var ids = new java.util.HashSet<Long>();
            try (var rows = s.executeQuery("SELECT id FROM tickets")) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            inCopy = ids;
        }
        assertThat(inCopy).containsAll(before.stream().map(TicketDto::id).toList());

        try (var again = TestServer.startOnWithSignIn(restored, Clock.systemUTC(), 0)) {
            // the access token was signed by the first server before the backup: the restored key still accepts it
            Api sameToken = again.api().withToken(tokens.accessToken());
            var served = new ArrayList<String>();
            for (var ticket : before) {
                var answer = sameToken.get("/api/tickets/" + ticket.id());
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                served.add(answer.as(TicketDto.class).number());
            }
            assertThat(served).isEqualTo(before.stream().map(TicketDto::number).toList());
            assertThat(sameToken.post("/api/tickets", new IssueTicketRequest(1L, null, null, null, null, null))
                    .status()).isEqualTo(201);
        }
    }

    @Test
    void withoutABackupFolderAnAdminIsToldWhatToSet() {
        try (var plain = TestServer.startWith(Clock.systemUTC(), config -> config.withDemo(true))) {
            var answer = plain.api().signedInAs("admin", "admin").post("/api/admin/backup", null);
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asText()).contains("--backup-dir");
        }
    }
}
