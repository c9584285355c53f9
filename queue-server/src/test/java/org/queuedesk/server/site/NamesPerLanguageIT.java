package org.queuedesk.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.notify.StatusLinkDto;
import org.queuedesk.common.site.CreateRoomRequest;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.common.site.NamesRequest;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.notify.FakeSnsServer;
import org.queuedesk.server.notify.SmsSettings;
import org.queuedesk.server.notify.SmsTestServer;
import org.queuedesk.server.status.StatusView;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/**
 * Services and rooms named per language: set by an admin through the API, listed with their
 * names, and used in the patient's language by text messages, the status page and its expired page.
 */
class NamesPerLanguageIT {

    private static final String BLOOD_ES = "Análisis de sangre";
    private static final String BLOOD_AR = "تحاليل الدم";
    private static final String ROOM_ES = "Consulta 2";
    private static final String ROOM_AR = "الغرفة 2";

    @Test
    void anAdminNamesServicesAndRoomsPerLanguageAndTheListsCarryThem() {
        try (var server = TestServer.startDemoWithSignIn(Clock.systemUTC())) {
            Api admin = server.api().signedInAs("admin", "admin");
            Api reception = server.api().signedInAs("reception", "reception");
            Api display = server.api().withToken("qdd_demo-display");

            var created = admin.post("/api/sites/1/services",
                    new CreateServiceRequest("Physiotherapy", "P", null, Map.of("es", "Fisioterapia", "ar", "العلاج الطبيعي")));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.as(ServiceDto.class).names()).isEqualTo(Map.of("es", "Fisioterapia", "ar", "العلاج الطبيعي"));
            var room = admin.post("/api/sites/1/rooms", new CreateRoomRequest("Room 9", Map.of("es", "Consulta 9")))
                    .as(RoomDto.class);

            assertThat(put(reception, "/api/rooms/" + room.id() + "/names", new NamesRequest(Map.of("es", "X"))).status())
                    .as("only an admin names things").isEqualTo(403);
            var renamed = put(admin, "/api/rooms/" + room.id() + "/names", new NamesRequest(Map.of("ar", ROOM_AR, "es", "")));
            assertThat(renamed.status()).isEqualTo(200);
            assertThat(renamed.as(RoomDto.class).names()).as("a PUT replaces them; an empty name removes one")
                    .isEqualTo(Map.of("ar", ROOM_AR));

            var unknownLanguage = put(admin, "/api/services/1/names", new NamesRequest(Map.of("fr", "Médecine générale")));
            assertThat(unknownLanguage.status()).isEqualTo(400);
            assertThat(unknownLanguage.contentType()).startsWith("application/problem+json");
            assertThat(unknownLanguage.json().get("errors").get("names").asText()).contains("'fr'").contains("es");
            assertThat(put(admin, "/api/services/999/names", new NamesRequest(Map.of())).status()).isEqualTo(404);

            List<ServiceDto> services = display.get("/api/sites/1/services").as(new TypeReference<>() { });
            var physio = services.stream().filter(s -> s.prefix().equals("P")).findFirst().orElseThrow();
            assertThat(physio.nameIn("es")).isEqualTo("Fisioterapia");
            assertThat(physio.nameIn("en")).as("no English name: the default").isEqualTo("Physiotherapy");
            List<RoomDto> rooms = display.get("/api/sites/1/rooms").as(new TypeReference<>() { });
            var nine = rooms.stream().filter(r -> r.id() == room.id()).findFirst().orElseThrow();
            assertThat(List.of(nine.nameIn("ar"), nine.nameIn("es"))).containsExactly(ROOM_AR, "Room 9");
        }
    }

    @Test
    void textMessagesAndTheStatusPageUseTheNamesInThePatientsLanguage() {
        try (var sns = FakeSnsServer.start();
             var server = SmsTestServer.start(Clock.systemUTC(), SmsTestServer.fastRetries(sns)
                     .withPublicUrl("https://q.example"))) {
            Api api = server.api();
            long site = api.createSite("Riverside Clinic", "Europe/Madrid").id();
            long blood = api.post("/api/sites/" + site + "/services", new CreateServiceRequest("Blood tests", "B", null,
                    Map.of("es", BLOOD_ES, "ar", BLOOD_AR))).as(ServiceDto.class).id();
            long room = api.createRoom(site, "Room 2").id();
            put(api, "/api/rooms/" + room + "/names", new NamesRequest(Map.of("es", ROOM_ES, "ar", ROOM_AR)))
                    .as(RoomDto.class);
            long session = api.openSession(room, List.of(blood), "dr.ruiz").id();

            TicketDto spanish = api.issue(new IssueTicketRequest(blood, null, null, null, "+34600123456", null, "es"));
            TicketDto arabic = api.issue(new IssueTicketRequest(blood, null, null, null, null, null, "ar"));
            TicketDto english = api.issue(new IssueTicketRequest(blood, null, null, null, null, null, "en"));

            FakeSnsServer.await(Duration.ofSeconds(20), "the Spanish confirmation",
                    () -> !sns.publishedTo("+34600123456").isEmpty());
            String link = api.get("/api/tickets/" + spanish.id() + "/status-link").as(StatusLinkDto.class).url();
            assertThat(sns.publishedTo("+34600123456").get(0).message()).isEqualTo("Riverside Clinic: su ticket es B-001 ("
                    + BLOOD_ES + "), puesto 1 en la cola. Espera aprox. 0-1 min. Véalo en directo: " + link);
            assertThat(status(api, spanish).service()).isEqualTo(BLOOD_ES);
            assertThat(status(api, arabic).service()).isEqualTo(BLOOD_AR);
            assertThat(status(api, english).service()).as("no English name: the default").isEqualTo("Blood tests");

            api.next(session);
            FakeSnsServer.await(Duration.ofSeconds(20), "the Spanish 'your turn'",
                    () -> sns.publishedTo("+34600123456").size() >= 2);
            assertThat(sns.publishedTo("+34600123456").get(1).message()).isEqualTo("Es su turno: Ticket B-001, " + ROOM_ES + ".");
            assertThat(status(api, spanish).headline()).isEqualTo("Es su turno: " + ROOM_ES);
        }
    }

    @Test
    void anExpiredLinkAnswersInTheTicketsLanguageOrTheOneAskedFor() {
        var clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        try (var server = SmsTestServer.start(clock, SmsSettings.defaults())) {
            Api api = server.api();
            long site = api.createSite("Riverside Clinic", "Europe/Madrid").id();
            long gp = api.createService(site, "General practice", "A").id();
            TicketDto spanish = api.issue(new IssueTicketRequest(gp, null, null, null, null, null, "es"));
            String path = URI.create(api.get("/api/tickets/" + spanish.id() + "/status-link").as(StatusLinkDto.class).url())
                    .getPath();
            clock.advance(Duration.ofDays(1)); // links stop working at the site's next midnight

            // words from page_xx.properties as a translator wrote them
            String spanishExpired = "Este enlace ha caducado o no existe. Pregunte en recepción.";
            String arabicExpired = "انتهت صلاحية هذا الرابط أو أنه غير موجود. يرجى السؤال في الاستقبال.";
            var page = html(api, path, "en-US,en;q=0.9");
            assertThat(page.status()).isEqualTo(410);
            assertThat(page.body()).as("the ticket's language, not the phone's").contains(spanishExpired).contains("lang=\"es\"");
            assertThat(html(api, path + "?lang=ar", "es").body()).contains(arabicExpired).contains("dir=\"rtl\"");
            assertThat(html(api, "/t/AAAAAAAAAAAAAAAAAAAAAA", "fr-FR,fr;q=0.9,es;q=0.8").body())
                    .as("an unknown link: the browser's first language we have").contains(spanishExpired);
            assertThat(html(api, "/t/AAAAAAAAAAAAAAAAAAAAAA", "de").body())
                    .contains("This link has expired or does not exist.");
        }
    }

    private static StatusView status(Api api, TicketDto ticket) {
        String url = api.get("/api/tickets/" + ticket.id() + "/status-link").as(StatusLinkDto.class).url();
        return api.get(URI.create(url).getPath() + "/status").as(StatusView.class);
    }

    private static Api.Response html(Api api, String path, String acceptLanguage) {
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Accept", "text/html")
                .header("Accept-Language", acceptLanguage).GET());
    }

    private static Api.Response put(Api api, String path, Object body) {
        try {
            return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
