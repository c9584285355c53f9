package org.queuedesk.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

/**
 * Opening a session at a room that already has one never joins it. The server refuses with a
 * problem naming who holds the room; the desktop joins only after the doctor confirmed it, by reading that
 * session. Room occupancy for the chooser comes from queue-status.
 */
class OccupiedRoomIT {

    @RegisterExtension
    final RunningServer server =
            RunningServer.openAccess().withClock(new MutableClock(Instant.parse("2026-12-01T09:00:00Z")));
    private Api api;

    @BeforeEach
    void start() {
        api = server.api();
    }

    @Test
    void openingAtARoomInUseIsAConflictNamingWhoIsThereAndChangesNothing() {
        long site = api.createSite("Room Clinic", "UTC").id();
        long service = api.createService(site, "General", "A").id();
        long room = api.createRoom(site, "Room 1").id();
        var theirs = api.openSession(room, List.of(service), "Dr Ruiz");

        var second = api.post("/api/sessions", new OpenSessionRequest(room, List.of(service), "Dr Lee"), "open-2");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().get("detail").asText()).contains("Room 1").contains("Dr Ruiz");
        var status = api.get("/api/sites/" + site + "/queue-status").json().get("rooms").get(0);
        assertThat(status.get("sessionId").asLong()).isEqualTo(theirs.id());
        assertThat(status.get("doctor").asText()).isEqualTo("Dr Ruiz");
    }
}
