package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.TestServer;

/**
 * A morning at the demo clinic played through the server's API, so the dashboard and reports have real data whose
 * counts the test knows from its own steps: service A issues 3 (1 served, 1 no-show, 1 with the doctor now),
 * service B issues 2 (both served). Five arrivals and five calls today.
 */
final class ClinicDay {

    static final int ISSUED = 5;
    static final int CALLS = 5;
    static final int SERVED = 3;
    static final int NO_SHOWS = 1;
    static final int A_SERVED = 1;
    static final int A_NO_SHOWS = 1;
    static final int B_SERVED = 2;
    static final int B_NO_SHOWS = 0;

    final String serviceA;
    final String serviceB;
    final long siteId;
    final long serviceAId;

    private ClinicDay(long siteId, long serviceAId, String serviceA, String serviceB) {
        this.siteId = siteId;
        this.serviceAId = serviceAId;
        this.serviceA = serviceA;
        this.serviceB = serviceB;
    }

    static ClinicDay play(TestServer server) {
        Api admin = server.api().signedInAs("admin", "admin");
        Api doctor = server.api().signedInAs("doctor", "doctor");
        Api nurse = server.api().signedInAs("nurse", "nurse");
        long site = admin.get("/api/sites").json().get(0).path("id").asLong();
        var services = admin.get("/api/sites/" + site + "/services").json();
        var rooms = admin.get("/api/sites/" + site + "/rooms").json();
        long a = services.get(0).path("id").asLong();
        long b = services.get(1).path("id").asLong();
        // sessions first: tickets waiting with nobody serving would raise the default alerts
        long sessionA = doctor.openSession(rooms.get(0).path("id").asLong(), List.of(a), "doctor").id();
        long sessionB = nurse.openSession(rooms.get(1).path("id").asLong(), List.of(b), "nurse").id();
        for (int i = 0; i < 3; i++) {
            admin.issue(a);
        }
        for (int i = 0; i < 2; i++) {
            admin.issue(b);
        }
        doctor.next(sessionA);                      // calls A-001
        doctor.next(sessionA);                      // A-001 served, calls A-002
        var noShow = doctor.post("/api/sessions/" + sessionA + "/no-show", null);
        assertThat(noShow.status()).as(noShow.body()).isEqualTo(200);
        doctor.next(sessionA);                      // calls A-003, still with the doctor
        nurse.next(sessionB);                       // calls B-001
        nurse.next(sessionB);                       // B-001 served, calls B-002
        nurse.next(sessionB);                       // B-002 served
        return new ClinicDay(site, a, services.get(0).path("name").asText(), services.get(1).path("name").asText());
    }
}
