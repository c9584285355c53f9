package org.queuedesk.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.Role;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.common.appointment.ScheduleBlockRequest;
import org.queuedesk.common.appointment.ScheduleRequest;
import org.queuedesk.common.appointment.CheckInDto;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.NamedUsersAuthenticator;
import org.queuedesk.server.testing.RunningServer;

/**
 * Reports of a small known day built through the API with a movable clock, checked against numbers worked out
 * by hand in {@code report/*.psv} (README, "Reports"). The day, Tuesday 2026-11-24 in Madrid (UTC+1), local:
 * <pre>
 * 08:50 T1 issued at A (reception)     08:55 T2 at A (kiosk)        09:00 dr-ana opens a session for A
 * 09:05 Next: T1 called                09:15 Next: T1 done, T2 called   09:20 T2 no-show
 * 09:22 T3 at A (online)               09:25 T3 cancelled           09:30 T4 at A (reception)
 * 09:40 Next: T4 called                09:50 dr-ana transfers T4 to R   09:55 T2 put back in the queue
 * 10:00 Next: T2 called; dr-omar opens a session for R               10:05 T6 at A (kiosk)
 * 10:10 dr-omar Next: T4 called        10:12 dr-ana Next: T2 done, T6 called   10:15 T6 no-show
 * 10:40 dr-omar done T4                10:55 the 11:00 booking checks in: T5 at R (appointment)
 * 11:05 dr-omar Next: T5 called        11:20 dr-omar Next: T5 done; the 11:30 booking was cancelled at 08:00,
 * the 12:00 one is missed at 12:46.
 * </pre>
 */
class ReportIT {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final String SERVICE_A = "Análisis, \"rápido\"";
    private static final String SERVICE_R = "أشعة";
    private final MutableClock clock = new MutableClock(at("07:00"));
    @RegisterExtension
    final RunningServer server = RunningServer.namedUsers().withClock(clock);

    private static Instant at(String localTime) {
        return ZonedDateTime.of(DAY, LocalTime.parse(localTime), MADRID).toInstant();
    }

    private Api as(String name, Role... roles) {
        return server.api().withToken(NamedUsersAuthenticator.token(name, roles));
    }

    private Api admin() {
        return as("admin", Role.ADMIN);
    }

    /** Builds the day in the class comment; returns the site and the prefix → service id map. */
    private Clinic buildDay() {
        var admin = admin();
        var desk = as("desk-1", Role.RECEPTIONIST);
        var ana = as("dr-ana", Role.DOCTOR);
        var omar = as("dr-omar", Role.DOCTOR);
        long site = admin.createSite("Clínica Norte", MADRID.getId()).id();
        long a = admin.post("/api/sites/" + site + "/services", new CreateServiceRequest(SERVICE_A, "A", 3)).as(ServiceDto.class).id();
        long r = admin.post("/api/sites/" + site + "/services", new CreateServiceRequest(SERVICE_R, "R", 3)).as(ServiceDto.class).id();
        long room1 = admin.createRoom(site, "Room 1").id();
        long room2 = admin.createRoom(site, "Room 2").id();
        for (String doctor : List.of("dr-ana", "dr-omar")) {
            assertThat(admin.post("/api/users", new CreateUserRequest(doctor, "a-long-enough-password-1",
                    List.of(Role.DOCTOR))).status()).isEqualTo(201);
        }
        var schedule = put(admin, "/api/sites/" + site + "/schedules/dr-omar", new ScheduleRequest(List.of(
                new ScheduleBlockRequest(2, "11:00", "12:30", List.of(r), room2, 30, 1))));
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);

        clock.set(at("08:00"));
        var b1 = book(desk, r, at("11:00"));
        var b2 = book(desk, r, at("11:30"));
        book(desk, r, at("12:00"));
        ok(desk.post("/api/appointments/" + b2.id() + "/cancel", null));

        clock.set(at("08:50"));
        var t1 = issue(desk, a, TicketSource.RECEPTION, "María Pérez");
        clock.set(at("08:55"));
        var t2 = issue(desk, a, TicketSource.KIOSK, null);
        clock.set(at("09:00"));
        long anaSession = ana.post("/api/sessions", new OpenSessionRequest(room1, List.of(a), null)).as(SessionDto.class).id();
        clock.set(at("09:05"));
        assertThat(next(ana, anaSession).called().id()).isEqualTo(t1.id());
        clock.set(at("09:15"));
        assertThat(next(ana, anaSession).called().id()).isEqualTo(t2.id());
        clock.set(at("09:20"));
        ok(ana.post("/api/sessions/" + anaSession + "/no-show", null));
        clock.set(at("09:22"));
        var t3 = issue(desk, a, TicketSource.ONLINE, "Omar Haddad");
        clock.set(at("09:25"));
        ok(desk.post("/api/tickets/" + t3.id() + "/cancel", null));
        clock.set(at("09:30"));
        var t4 = issue(desk, a, TicketSource.RECEPTION, null);
        clock.set(at("09:40"));
        assertThat(next(ana, anaSession).called().id()).isEqualTo(t4.id());
        clock.set(at("09:50"));
        ok(ana.post("/api/tickets/" + t4.id() + "/transfer", new TransferRequest(r, false)));
        clock.set(at("09:55"));
        ok(desk.post("/api/tickets/" + t2.id() + "/requeue", null));
        clock.set(at("10:00"));
        assertThat(next(ana, anaSession).called().id()).isEqualTo(t2.id());
        long omarSession = omar.post("/api/sessions", new OpenSessionRequest(room2, List.of(r), null)).as(SessionDto.class).id();
        clock.set(at("10:05"));
        var t6 = issue(desk, a, TicketSource.KIOSK, null);
        clock.set(at("10:10"));
        assertThat(next(omar, omarSession).called().id()).isEqualTo(t4.id());
        clock.set(at("10:12"));
        assertThat(next(ana, anaSession).called().id()).isEqualTo(t6.id());
        clock.set(at("10:15"));
        ok(ana.post("/api/sessions/" + anaSession + "/no-show", null));
        clock.set(at("10:40"));
        ok(omar.post("/api/sessions/" + omarSession + "/done", null));
        clock.set(at("10:55"));
        var t5 = desk.post("/api/appointments/" + b1.id() + "/check-in", null).as(CheckInDto.class).ticket();
        clock.set(at("11:05"));
        assertThat(next(omar, omarSession).called().id()).isEqualTo(t5.id());
        clock.set(at("11:20"));
        assertThat(next(omar, omarSession).called()).isNull();
        clock.set(at("12:46"));
        assertThat(server.server().appointments().markMissed("system")).isEqualTo(1);
        return new Clinic(site, Map.of("A", a, "R", r));
    }

    record Clinic(long site, Map<String, Long> services) {
        String path(String report, String query) {
            return "/api/reports/sites/" + site + "/" + report + "?" + query;
        }
    }

    @Test
    void aKnownDayReportsTheNumbersWorkedOutByHand() {
        var clinic = buildDay();
        var tickets = ok(admin().get(clinic.path("tickets", "from=2026-11-24&to=2026-11-24"))).json();
        assertThat(tickets.path("timeZone").asText()).isEqualTo("Europe/Madrid");
        assertRows(tickets.path("rows"), Table.read("report/day-tickets.psv"), clinic);

        var hours = ok(admin().get(clinic.path("hours", "from=2026-11-24&to=2026-11-24"))).json().path("rows");
        assertThat(hours).hasSize(24);
        var expectedHours = new HashMap<Integer, Map<String, String>>();
        Table.read("report/day-hours.psv").forEach(row -> expectedHours.put(Integer.parseInt(row.get("hour")), row));
        for (JsonNode row : hours) {
            var expected = expectedHours.getOrDefault(row.path("hour").asInt(),
                    Map.of("arrivals", "0", "calls", "0", "waitMeanSeconds", "-"));
            assertThat(row.path("arrivals").asText()).as("arrivals at " + row.path("hour")).isEqualTo(expected.get("arrivals"));
            assertThat(row.path("calls").asText()).as("calls at " + row.path("hour")).isEqualTo(expected.get("calls"));
            assertThat(row.path("waitMeanSeconds").isNull() ? "-" : row.path("waitMeanSeconds").asText())
                    .as("mean wait of the calls at " + row.path("hour")).isEqualTo(expected.get("waitMeanSeconds"));
        }

        var appointments = ok(admin().get(clinic.path("appointments", "from=2026-11-24&to=2026-11-24"))).json();
        assertRows(appointments.path("rows"), Table.read("report/day-appointments.psv"), clinic);
    }

    @Test
    void theReportReadsTheSameAfterThePurgeOfNamesAndPhones() {
        var clinic = buildDay();
        String before = ok(admin().get(clinic.path("tickets", "from=2026-11-24&to=2026-11-24"))).body();
        String hoursBefore = ok(admin().get(clinic.path("hours", "from=2026-11-24&to=2026-11-24"))).body();
        String bookingsBefore = ok(admin().get(clinic.path("appointments", "from=2026-11-24&to=2026-11-24"))).body();

        clock.set(Instant.parse("2027-01-15T10:00:00Z")); // past the default retention of 30 days
        var purge = ok(admin().post("/api/admin/privacy/purge", null)).json();
        assertThat(purge.toString()).as("something was purged: %s", purge).containsPattern("[1-9]");

        assertThat(ok(admin().get(clinic.path("tickets", "from=2026-11-24&to=2026-11-24"))).body()).isEqualTo(before);
        assertThat(ok(admin().get(clinic.path("hours", "from=2026-11-24&to=2026-11-24"))).body()).isEqualTo(hoursBefore);
        assertThat(ok(admin().get(clinic.path("appointments", "from=2026-11-24&to=2026-11-24"))).body())
                .isEqualTo(bookingsBefore);
    }

    @Test
    void csvHasTheJsonRowsQuotedAsRfc4180WithAByteOrderMark() throws Exception {
        var clinic = buildDay();
        var json = ok(admin().get(clinic.path("tickets", "from=2026-11-24&to=2026-11-24"))).json().path("rows");
        var response = admin().http().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + clinic.path("tickets", "from=2026-11-24&to=2026-11-24")))
                .header("Authorization", "Bearer " + NamedUsersAuthenticator.token("admin", Role.ADMIN))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").contains("charset=utf-8");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".csv");
        byte[] bytes = response.body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).as("UTF-8 byte order mark")
                .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).as("every line ends in CRLF").doesNotContain("\n");
        // the name with a comma and quotes is one quoted field with its quotes doubled; Arabic passes as is
        assertThat(text).contains(",\"Análisis, \"\"rápido\"\"\",").contains("," + SERVICE_R + ",");

        List<List<String>> csv = parseCsv(text);
        List<String> header = csv.get(0);
        assertThat(header).startsWith("periodStart", "periodEnd", "dimension", "key", "name", "issued");
        assertThat(csv).hasSize(json.size() + 1);
        for (int i = 0; i < json.size(); i++) {
            for (int c = 0; c < header.size(); c++) {
                JsonNode cell = json.get(i).path(header.get(c));
                assertThat(csv.get(i + 1).get(c)).as("row %d %s", i, header.get(c))
                        .isEqualTo(cell.isNull() ? "" : cell.asText());
            }
        }
        assertThat(csv).anySatisfy(row -> assertThat(row.get(4)).isEqualTo(SERVICE_A));
        assertThat(csv).anySatisfy(row -> assertThat(row.get(4)).isEqualTo(SERVICE_R));

        // the other reports answer CSV too; JSON stays the default, and wins when asked for first
        var hours = admin().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + clinic.path("hours", "from=2026-11-24&to=2026-11-24"))).header("Accept", "text/csv"));
        assertThat(hours.body()).startsWith("\uFEFFperiodStart,periodEnd,hour,arrivals,calls,waitMeanSeconds\r\n");
        var preferred = admin().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + clinic.path("appointments", "from=2026-11-24&to=2026-11-24")))
                .header("Accept", "application/json, text/csv;q=0.5"));
        assertThat(preferred.contentType()).startsWith("application/json");
    }

    @Test
    void weeksAndMonthsFollowTheSitesLocalDaysNotUtc() {
        var admin = admin();
        var desk = as("desk-1", Role.RECEPTIONIST);
        var la = ZoneId.of("America/Los_Angeles");
        long site = admin.createSite("West Clinic", la.getId()).id();
        long service = admin.createService(site, "General", "G").id();
        for (String local : List.of("2026-11-29T23:30", "2026-11-30T00:30", "2026-11-30T23:30", "2026-12-01T00:30")) {
            clock.set(java.time.LocalDateTime.parse(local).atZone(la).toInstant());
            issue(desk, service, TicketSource.RECEPTION, null);
        }
        for (var row : Table.read("report/boundaries.psv")) {
            var rows = ok(admin.get("/api/reports/sites/" + site + "/tickets?from=2026-11-25&to=2026-12-02&by="
                    + row.get("by"))).json().path("rows");
            JsonNode all = null;
            for (JsonNode r : rows) {
                if (r.path("dimension").asText().equals("all") && r.path("periodStart").asText().equals(row.get("periodStart"))) {
                    all = r;
                }
            }
            assertThat(all).as("a row for %s", row).isNotNull();
            assertThat(all.path("periodEnd").asText()).as("end of %s", row).isEqualTo(row.get("periodEnd"));
            assertThat(all.path("issued").asText()).as("issued in %s", row).isEqualTo(row.get("issued"));
        }
        var hours = ok(admin.get("/api/reports/sites/" + site + "/hours?from=2026-11-29&to=2026-11-29")).json().path("rows");
        assertThat(hours.get(23).path("arrivals").asInt()).as("23:30 local is hour 23, not UTC's 7").isEqualTo(1);
        assertThat(hours.get(7).path("arrivals").asInt()).isZero();
    }

    @Test
    void badQueriesAreRefusedNamingTheParameter() {
        long site = admin().createSite("Clinic", "UTC").id();
        var refused = admin().get("/api/reports/sites/" + site + "/tickets?from=2026-11-30&to=2026-11-01");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").has("to")).isTrue();
        assertThat(admin().get("/api/reports/sites/" + site + "/hours?from=2025-01-01&to=2026-06-01").json()
                .path("errors").has("to")).isTrue();
        assertThat(admin().get("/api/reports/sites/" + site + "/appointments?from=2026-02-30&to=2026-03-01").status())
                .isEqualTo(422);
        assertThat(admin().get("/api/reports/sites/999/tickets?from=2026-11-01&to=2026-11-01").status()).isEqualTo(404);
        assertThat(as("desk-1", Role.RECEPTIONIST).get("/api/reports/sites/" + site + "/tickets?from=2026-11-01&to=2026-11-01")
                .status()).isEqualTo(403);
    }

    // ---- helpers

    private void assertRows(JsonNode rows, List<Map<String, String>> expected, Clinic clinic) {
        var actual = new LinkedHashMap<String, JsonNode>();
        for (JsonNode row : rows) {
            actual.put(row.path("dimension").asText() + "/" + row.path("key").asText(), row);
        }
        var keys = new ArrayList<String>();
        for (var row : expected) {
            String key = row.get("key");
            if (row.get("dimension").equals("service")) {
                key = Long.toString(clinic.services().get(key));
            }
            String id = row.get("dimension") + "/" + key;
            keys.add(id);
            JsonNode got = actual.get(id);
            assertThat(got).as("a row for %s in %s", id, actual.keySet()).isNotNull();
            for (var cell : row.entrySet()) {
                if (cell.getKey().equals("dimension") || cell.getKey().equals("key")) {
                    continue;
                }
                String want = cell.getValue().equals("-") ? "null" : cell.getValue();
                assertThat(got.path(cell.getKey()).asText()).as("%s %s", id, cell.getKey()).isEqualTo(want);
            }
        }
        assertThat(actual.keySet()).as("no rows beyond the expected ones").containsExactlyInAnyOrderElementsOf(keys);
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response;
    }

    private static Api.Response put(Api api, String path, Object body) {
        try {
            return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AppointmentDto book(Api desk, long service, Instant slot) {
        return ok(desk.post("/api/appointments", new BookAppointmentRequest(service, "dr-omar", slot, "Layla Nasser",
                null, "ar"))).as(AppointmentDto.class);
    }

    private static TicketDto issue(Api desk, long service, TicketSource source, String name) {
        return ok(desk.post("/api/tickets", new IssueTicketRequest(service, null, source, name, null, null, null)))
                .as(TicketDto.class);
    }

    private static NextResult next(Api doctor, long session) {
        return ok(doctor.post("/api/sessions/" + session + "/next", null)).as(NextResult.class);
    }

    /** RFC 4180 read back by hand: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        var records = new ArrayList<List<String>>();
        var record = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return records;
    }

    /** A {@code |}-separated table with a header row; # lines are comments. */
    static final class Table {
        static List<Map<String, String>> read(String resource) {
            try (var in = Objects.requireNonNull(ReportIT.class.getResourceAsStream("/" + resource), resource)) {
                var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
                String[] header = cells(lines.get(0));
                var rows = new ArrayList<Map<String, String>>();
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = cells(line);
                    var row = new LinkedHashMap<String, String>();
                    for (int i = 0; i < header.length; i++) {
                        row.put(header[i], cells[i]);
                    }
                    rows.add(row);
                }
                return rows;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String[] cells(String line) {
            return java.util.Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
        }
    }
}
