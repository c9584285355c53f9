package org.queuedesk.server.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.queuedesk.common.json.Problem;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/**
 * Bad requests of every kind, generated, against one real server: each must be refused with a 4xx
 * {@code application/problem+json} whose {@code status} matches and whose {@code detail} says why, and must
 * leave every row of the database as it was. The generators produce only requests that are invalid; where
 * the meaning is unambiguous the exact status is asserted (400 bad body, 404 unknown path id, 409 with
 * {@code currentState} for an illegal move, 422 unknown body reference, 400/413 too large).
 *
 * <p>Each run explores with a new seed (jqwik's default); a failure's report shows the seed and the shrunk
 * sample, and {@code .jqwik-database} makes the next run on that machine try that sample first (see
 * {@code junit-platform.properties}). Any failure is a real bug, since every generated request is invalid: once
 * found, keep it as an {@code @Example} here, like {@link #aJsonNullBodyIsRefusedEverywhere}, so it runs
 * every time. To replay a reported run: {@code @Property(seed = "…")} on that property, temporarily.
 */
class BadInputPropertiesIT {

    private static final ObjectMapper JSON = Api.JSON;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_BODY = 64 * 1024;
    private static final long UNKNOWN_ID_FLOOR = 1_000_000L;
    private static final List<String> TABLES = List.of("sites", "services", "rooms", "ticket_counters",
            "doctor_sessions", "session_services", "tickets", "ticket_events", "events", "idempotency_keys");

    private static TestServer server;
    private static HttpClient http;

    // the demo site and what @BeforeContainer prepared there
    private static long siteId;
    private static long serviceA;
    private static long serviceB;
    private static long serviceC;
    private static long room1;
    private static long room3;
    private static long otherSiteService;
    private static long otherSiteRoom;
    /** Session at room 1 serving A; its last patient is done, nobody is called. */
    private static long sessionNoCurrent;
    /** Session at room 2 serving C; {@link #ticketCalled} is called there. */
    private static long sessionWithCalled;
    /** Session at room 3, closed (room 3 is free). */
    private static long sessionClosed;
    /** Session at room 4, open and paused, nobody called. */
    private static long sessionPaused;
    private static long ticketWaiting;
    private static long ticketDone;
    private static long ticketCancelled;
    private static long ticketCalled;

    @BeforeContainer
    static void startServer() {
        server = TestServer.startDemo(new MutableClock(Instant.parse("2026-11-23T09:00:00Z")));
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Api api = server.api();
        SiteDto site = api.get("/api/sites").as(new TypeReference<List<SiteDto>>() { }).get(0);
        siteId = site.id();
        Map<String, Long> services = api.get("/api/sites/" + siteId + "/services")
                .as(new TypeReference<List<ServiceDto>>() { }).stream()
                .collect(Collectors.toMap(ServiceDto::prefix, ServiceDto::id));
        serviceA = services.get("A");
        serviceB = services.get("B");
        serviceC = services.get("C");
        Map<String, Long> rooms = api.get("/api/sites/" + siteId + "/rooms")
                .as(new TypeReference<List<RoomDto>>() { }).stream()
                .collect(Collectors.toMap(RoomDto::name, RoomDto::id));
        room1 = rooms.get("Room 1");
        long room2 = rooms.get("Room 2");
        room3 = rooms.get("Room 3");
        long room4 = rooms.get("Room 4");

        SiteDto other = api.createSite("Hilltop Clinic", "Europe/Madrid");
        otherSiteService = api.createService(other.id(), "Dermatology", "D").id();
        otherSiteRoom = api.createRoom(other.id(), "Room 1").id();

        sessionNoCurrent = api.openSession(room1, List.of(serviceA), "Dr One").id();
        ticketDone = api.issue(serviceA).id();
        assertThat(api.next(sessionNoCurrent).called().id()).isEqualTo(ticketDone);
        NextResult afterLast = api.next(sessionNoCurrent);
        assertThat(afterLast.finished().id()).isEqualTo(ticketDone);
        assertThat(afterLast.called()).isNull();

        ticketWaiting = api.issue(serviceB).id();
        ticketCancelled = api.issue(serviceB).id();
        api.post("/api/tickets/" + ticketCancelled + "/cancel", null).as(TicketDto.class);

        sessionWithCalled = api.openSession(room2, List.of(serviceC), "Dr Two").id();
        ticketCalled = api.issue(serviceC).id();
        assertThat(api.next(sessionWithCalled).called().id()).isEqualTo(ticketCalled);

        sessionClosed = api.openSession(room3, List.of(serviceC), "Dr Three").id();
        api.post("/api/sessions/" + sessionClosed + "/close", null).as(SessionDto.class);
        sessionPaused = api.openSession(room4, List.of(serviceC), "Dr Four").id();
        api.post("/api/sessions/" + sessionPaused + "/pause", null).as(SessionDto.class);

        assertThat(api.ticket(ticketWaiting).state()).isEqualTo(TicketState.WAITING);
        assertThat(api.ticket(ticketDone).state()).isEqualTo(TicketState.DONE);
        assertThat(api.ticket(ticketCancelled).state()).isEqualTo(TicketState.CANCELLED);
        assertThat(api.ticket(ticketCalled).state()).isEqualTo(TicketState.CALLED);
        // what the server does by itself about this state (a waiting ticket with no session raises an alert) is
        // done now, so the database stays still while bad requests are checked against it; a later evaluation
        // finds nothing new and writes nothing
        server.server().alerts().evaluator().checkNow();
    }

    @AfterContainer
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 150)
    void malformedJsonIsRefused(@ForAll("malformedJson") Bad bad) {
        check(bad);
    }

    /** A JSON {@code null} body made Javalin's mapper throw (a 500) instead of a 400; every endpoint, always. */
    @Example
    void aJsonNullBodyIsRefusedEverywhere() {
        for (var endpoint : endpoints()) {
            check(post(endpoint.path(), "null".getBytes(java.nio.charset.StandardCharsets.UTF_8), 400));
        }
    }

    // found by malformedJsonIsRefused: POST /rooms took a JSON string body as the new room's name
    @Example
    void aJsonStringBodyIsRefusedEverywhere() {
        for (var endpoint : endpoints()) {
            String asText = NODES.textNode(endpoint.template().toString()).toString();
            check(post(endpoint.path(), asText.getBytes(java.nio.charset.StandardCharsets.UTF_8), 400));
        }
    }

    @Property(tries = 250)
    void badFieldsAreRefused(@ForAll("badFields") Bad bad) {
        check(bad);
    }

    @Property(tries = 200)
    void unknownIdsAreRefused(@ForAll("unknownIds") Bad bad) {
        check(bad);
    }

    @Property(tries = 30)
    void hugeBodiesAreRefused(@ForAll("hugeBodies") Bad bad) {
        check(bad);
    }

    @Property(tries = 100)
    void invalidIdempotencyKeysAreRefused(@ForAll("invalidIdempotencyKeys") Bad bad) {
        check(bad);
    }

    @Property(tries = 130)
    void illegalTransitionsAreConflicts(@ForAll("illegalTransitions") Bad bad) {
        check(bad);
    }

    @Property(tries = 130)
    void unknownRoutesAndWrongMethodsAreRefused(@ForAll("unknownRoutes") Bad bad) {
        check(bad);
    }

    // ------------------------------------------------------------------ the check

    private static void check(Bad bad) {
        String before = fingerprint();
        Answer answer = bad.body() != null && bad.body().length > MAX_BODY ? sendRaw(bad) : send(bad);
        String after = fingerprint();

        int status = answer.status();
        Statistics.collect(status, bad.chunked() ? "chunked" : "sized");
        String what = bad + "\n  answered " + status + " " + abbreviate(answer.body(), 400);
        assertThat(status).as(what).isBetween(400, 499);
        if (!bad.statuses().isEmpty()) {
            assertThat(status).as(what).isIn(bad.statuses());
        }
        assertThat(answer.contentType()).as(what).startsWith(Problem.MEDIA_TYPE);
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + what, e);
        }
        assertThat(problem.isObject()).as(what).isTrue();
        assertThat(problem.path("status").isInt()).as(what).isTrue();
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(problem.path("detail").asText("")).as(what).isNotBlank();
        if (bad.currentState() != null) {
            assertThat(problem.path("currentState").asText(null)).as(what).isEqualTo(bad.currentState());
        }
        assertThat(after).as("the database changed after " + what).isEqualTo(before);
    }

    /** Status, content type and body of an answer. */
    private record Answer(int status, String contentType, String body) {
    }

    private static Answer send(Bad bad) {
        var builder = HttpRequest.newBuilder(URI.create(server.baseUrl() + bad.path()))
                .timeout(Duration.ofSeconds(30));
        HttpRequest.BodyPublisher body;
        if (bad.body() == null) {
            body = HttpRequest.BodyPublishers.noBody();
        } else {
            builder.header("Content-Type", "application/json");
            var bytes = HttpRequest.BodyPublishers.ofByteArray(bad.body());
            // without a known length the client sends the body chunked: no Content-Length for the server to check
            body = bad.chunked() ? HttpRequest.BodyPublishers.fromPublisher(bytes) : bytes;
        }
        bad.headers().forEach(builder::header);
        try {
            var response = http.send(builder.method(bad.method(), body).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + bad, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends an oversized body over a plain socket while reading the answer at the same time, as a careful client
     * does: the server may answer and close before it has read the whole body, and the JDK client then reports
     * only the broken pipe (and on JDK 17 it hangs with {@code Expect: 100-continue}).
     */
    private static Answer sendRaw(Bad bad) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(30_000);
            var head = new StringBuilder()
                    .append(bad.method()).append(' ').append(bad.path()).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(server.port()).append("\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Connection: close\r\n")
                    .append(bad.chunked() ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bad.body().length + "\r\n");
            bad.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                    byte[] body = bad.body();
                    if (bad.chunked()) {
                        for (int at = 0; at < body.length; at += 8_192) {
                            int n = Math.min(8_192, body.length - at);
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                            out.write(body, at, n);
                            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException stoppedReading) {
                    // the server answered without reading everything: the answer is what counts
                }
            }, "huge-body-writer");
            writer.setDaemon(true);
            writer.start();
            return readAnswer(socket.getInputStream(), bad);
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + bad, e);
        }
    }

    /** Reads one HTTP/1.1 answer; a connection reset after the whole answer arrived does not matter. */
    private static Answer readAnswer(InputStream in, Bad bad) throws IOException {
        var received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8_192];
        Answer answer = null;
        try {
            int n;
            while (answer == null && (n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
                answer = parseAnswer(received.toByteArray());
            }
        } catch (SocketException reset) {
            if (answer == null) {
                throw new IOException("connection lost before a whole answer arrived; got: "
                        + received.toString(StandardCharsets.ISO_8859_1), reset);
            }
        }
        if (answer == null) {
            throw new IOException("incomplete answer: " + received.toString(StandardCharsets.ISO_8859_1));
        }
        return answer;
    }

    /** The answer once head and body are complete, else null. */
    private static Answer parseAnswer(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return null;
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String rest = text.substring(headEnd + 4);
        String body;
        if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            if (rest.length() < length) {
                return null;
            }
            body = rest.substring(0, length);
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            var decoded = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = rest.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    return null;
                }
                int size = Integer.parseInt(rest.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                if (rest.length() < lineEnd + 2 + size + 2) {
                    return null;
                }
                decoded.append(rest, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            body = decoded.toString();
        } else {
            return null;
        }
        return new Answer(status, headers.getOrDefault("content-type", ""),
                new String(body.getBytes(StandardCharsets.ISO_8859_1), UTF_8));
    }

    /**
     * Row counts per table and a hash over every row of every table (all but Flyway's history, so tables added
     * later are covered too), read through the server's own pool: under WAL it sees every committed change.
     */
    private static String fingerprint() {
        return server.server().database().read(h -> {
            List<String> tables = org.queuedesk.server.testing.TestStore.tables(h);
            assertThat(tables).containsAll(TABLES);
            MessageDigest sha = sha256();
            var summary = new StringBuilder();
            for (String table : tables) {
                List<String> rows = h.createQuery("SELECT * FROM \"" + table + "\"")
                        .map((rs, ctx) -> {
                            var row = new StringBuilder();
                            int columns = rs.getMetaData().getColumnCount();
                            for (int i = 1; i <= columns; i++) {
                                // getObject, not getString: pgjdbc renders a double as "1" in text transfer
                                // and "1.0" once a statement runs prepared in binary, the same value either way
                                row.append(rs.getObject(i)).append('\u001f');
                            }
                            return row.toString();
                        })
                        .list();
                // each table's own hash too, so a failure names the table that changed
                MessageDigest own = sha256();
                rows.stream().sorted().forEach(row -> own.update(row.getBytes(UTF_8)));
                summary.append(table).append('=').append(rows.size()).append(':')
                        .append(HexFormat.of().formatHex(own.digest()), 0, 8).append(' ');
                sha.update(table.getBytes(UTF_8));
                rows.stream().sorted().forEach(row -> sha.update(row.getBytes(UTF_8)));
                sha.update((byte) 0);
            }
            return summary + HexFormat.of().formatHex(sha.digest());
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ malformed JSON

    @Provide
    Arbitrary<Bad> malformedJson() {
        return Arbitraries.of(endpoints()).flatMap(endpoint -> malformedBody(endpoint.template().toString())
                .map(body -> post(endpoint.path(), body, 400)));
    }

    private static Arbitrary<byte[]> malformedBody(String template) {
        Arbitrary<String> truncated = Arbitraries.integers().between(1, template.length() - 1)
                .map(n -> template.substring(0, n));
        Arbitrary<String> randomText = Arbitraries.strings().ofMinLength(1).ofMaxLength(120);
        Arbitrary<String> wrongTopLevel = Arbitraries.oneOf(
                Arbitraries.of("[]", "[" + template + "]", "[{}]", "true", "false", "null", "\"\"", "0", "-1", "1.5",
                        "1e400", "99999999999999999999999", "\"" + template.replace("\"", "\\\"") + "\""),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                word().map(w -> "\"" + w + "\""),
                anyJsonValue().list().ofMaxSize(4).map(list -> arrayOf(list).toString()));
        Arbitrary<String> lenientSyntax = Arbitraries.of(
                template.replace('"', '\''),
                template.replaceAll("\"([A-Za-z]+)\":", "$1:"),
                template.substring(0, template.length() - 1) + ",}",
                "/* note */" + template,
                "// note\n" + template,
                template + " x",
                template + template,
                template + "}",
                "{" + template,
                template.replace(":", "="),
                template.replace(",", ";"),
                "\uFEFF\uFEFF" + template,
                template.replace("{", "{{"));
        Arbitrary<byte[]> text = Arbitraries.oneOf(truncated, randomText, wrongTopLevel, lenientSyntax)
                .map(s -> s.getBytes(UTF_8));
        Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
        return Arbitraries.oneOf(text, randomBytes).filter(BadInputPropertiesIT::isMalformed);
    }

    /** Not blank, and not a JSON object: no body endpoint may accept it. */
    private static boolean isMalformed(byte[] body) {
        String text = new String(body, UTF_8);
        if (text.isBlank()) {
            return false;
        }
        try {
            return !JSON.readTree(text).isObject();
        } catch (IOException e) {
            return true;
        }
    }

    // ------------------------------------------------------------------ wrong types, unknown fields, bad values

    private enum Kind { ID, ID_LIST, PRIORITY, SOURCE, TEXT, PHONE, LANGUAGE, BOOL, INT_0_50, TIME_ZONE, PREFIX }

    /** A body field; {@code maxLength} 0 when the text has no length limit. */
    private record Field(String name, Kind kind, boolean required, int maxLength) {
    }

    /** A POST route with a body, a valid body for it (never sent as is) and its fields. */
    private record Endpoint(String path, ObjectNode template, List<Field> fields) {
        Set<String> names() {
            return fields.stream().map(Field::name).collect(Collectors.toSet());
        }

        Bad with(String field, JsonNode value) {
            ObjectNode body = template.deepCopy();
            body.set(field, value);
            return post(path, body, 400);
        }

        Bad without(String field) {
            ObjectNode body = template.deepCopy();
            body.remove(field);
            return post(path, body, 400);
        }
    }

    private static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("/api/tickets",
                        obj("serviceId", serviceA, "priority", "normal", "source", "kiosk", "patientName", "Ann Example",
                                "phone", "+34600123456", "assignedDoctor", "doctor", "language", "es"),
                        List.of(new Field("serviceId", Kind.ID, true, 0), new Field("priority", Kind.PRIORITY, false, 0),
                                new Field("source", Kind.SOURCE, false, 0),
                                new Field("patientName", Kind.TEXT, false, 100), new Field("phone", Kind.PHONE, false, 0),
                                new Field("assignedDoctor", Kind.TEXT, false, 100),
                                new Field("language", Kind.LANGUAGE, false, 0))),
                new Endpoint("/api/sessions",
                        obj("roomId", room3, "serviceIds", List.of(serviceB), "doctor", "Dr Three"),
                        List.of(new Field("roomId", Kind.ID, true, 0), new Field("serviceIds", Kind.ID_LIST, true, 0),
                                new Field("doctor", Kind.TEXT, false, 100))),
                new Endpoint("/api/tickets/" + ticketWaiting + "/priority", obj("priority", "emergency"),
                        List.of(new Field("priority", Kind.PRIORITY, true, 0))),
                new Endpoint("/api/tickets/" + ticketWaiting + "/transfer", obj("toServiceId", serviceC, "returnAfter", true),
                        List.of(new Field("toServiceId", Kind.ID, true, 0), new Field("returnAfter", Kind.BOOL, false, 0))),
                new Endpoint("/api/sessions/" + sessionNoCurrent + "/next", obj("expectedCurrentTicketId", 0),
                        List.of(new Field("expectedCurrentTicketId", Kind.ID, false, 0))),
                new Endpoint("/api/sites", obj("name", "Lakeside Clinic", "timeZone", "Europe/Madrid"),
                        List.of(new Field("name", Kind.TEXT, true, 80), new Field("timeZone", Kind.TIME_ZONE, true, 64))),
                new Endpoint("/api/sites/" + siteId + "/services",
                        obj("name", "Physiotherapy", "prefix", "P", "almostTurnPosition", 3),
                        List.of(new Field("name", Kind.TEXT, true, 80), new Field("prefix", Kind.PREFIX, true, 3),
                                new Field("almostTurnPosition", Kind.INT_0_50, false, 0))),
                new Endpoint("/api/sites/" + siteId + "/rooms", obj("name", "Room 9"),
                        List.of(new Field("name", Kind.TEXT, true, 40))));
    }

    @Provide
    Arbitrary<Bad> badFields() {
        List<Arbitrary<Bad>> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            Set<String> known = endpoint.names();
            // names no Java record component can have (or a known name in other case), so that a field added
            // to a request later never turns a generated "unknown" field into a valid one
            Arbitrary<String> unknownName = Arbitraries.oneOf(
                            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(15).map(w -> "x-" + w),
                            Combinators.combine(Arbitraries.integers().between(0, 999), word()).as((d, w) -> d + w),
                            Arbitraries.of("", " ", "$type", "@class", "a b", "ü-x"),
                            Arbitraries.of(known).map(k -> k.toUpperCase(Locale.ROOT)),
                            Arbitraries.of(known).map(k -> " " + k))
                    .filter(name -> !known.contains(name));
            cases.add(unknownName.flatMap(name -> anyJsonValue().map(value -> endpoint.with(name, value))));
            for (Field field : endpoint.fields()) {
                cases.add(wrongType(field.kind()).map(value -> endpoint.with(field.name(), value)));
                invalidValue(field).ifPresent(values -> cases.add(values.map(value -> endpoint.with(field.name(), value))));
                if (field.required()) {
                    cases.add(Arbitraries.of(true, false).map(remove -> remove
                            ? endpoint.without(field.name())
                            : endpoint.with(field.name(), NullNode.getInstance())));
                }
            }
        }
        return Arbitraries.oneOf(cases);
    }

    /** Values of a JSON type Jackson will not turn into the field's type (it does coerce some, e.g. "12" to 12). */
    private static Arbitrary<JsonNode> wrongType(Kind kind) {
        Arbitrary<JsonNode> object = objectValue();
        Arbitrary<JsonNode> bool = Arbitraries.of(true, false).map(BooleanNode::valueOf);
        Arbitrary<JsonNode> word = word().map(TextNode::valueOf);
        Arbitrary<JsonNode> integer = Arbitraries.integers().map(IntNode::valueOf);
        Arbitrary<JsonNode> beyondLong = Arbitraries.bigIntegers()
                .between(BigInteger.TWO.pow(63), BigInteger.TWO.pow(90))
                .flatMap(n -> Arbitraries.of(n, n.negate().subtract(BigInteger.ONE)))
                .map(BigIntegerNode::valueOf);
        Arbitrary<JsonNode> beyondInt = Arbitraries.oneOf(
                Arbitraries.longs().between(Integer.MAX_VALUE + 1L, Long.MAX_VALUE),
                Arbitraries.longs().between(Long.MIN_VALUE, Integer.MIN_VALUE - 1L)).map(LongNode::valueOf);
        return switch (kind) {
            case ID -> Arbitraries.oneOf(word, object, bool, beyondLong, integer.list().ofMaxSize(3).map(BadInputPropertiesIT::arrayOf));
            case ID_LIST -> Arbitraries.oneOf(word, object, bool, integer,
                    Arbitraries.oneOf(word, object, bool, beyondLong).list().ofMinSize(1).ofMaxSize(3)
                            .map(BadInputPropertiesIT::arrayOf));
            case PRIORITY, SOURCE -> Arbitraries.oneOf(integer, bool, object,
                    word.list().ofMaxSize(2).map(BadInputPropertiesIT::arrayOf));
            case TEXT, PHONE, LANGUAGE, TIME_ZONE, PREFIX -> Arbitraries.oneOf(object,
                    word.list().ofMaxSize(3).map(BadInputPropertiesIT::arrayOf));
            case BOOL -> Arbitraries.oneOf(word, object, bool.list().ofMaxSize(2).map(BadInputPropertiesIT::arrayOf));
            case INT_0_50 -> Arbitraries.oneOf(word, object, bool, beyondInt,
                    integer.list().ofMaxSize(2).map(BadInputPropertiesIT::arrayOf));
        };
    }

    /** Values of the right JSON type that the server must still refuse. */
    private static java.util.Optional<Arbitrary<JsonNode>> invalidValue(Field field) {
        Arbitrary<JsonNode> values = switch (field.kind()) {
            case ID, BOOL -> null;
            case ID_LIST -> Arbitraries.oneOf(
                    Arbitraries.just(arrayOf(List.of())),
                    Arbitraries.just(arrayOf(Arrays.asList(LongNode.valueOf(serviceB), NullNode.getInstance()))),
                    Arbitraries.just(arrayOf(List.of(NullNode.getInstance()))),
                    Arbitraries.longs().between(1, 100).list().ofMinSize(21).ofMaxSize(60)
                            .map(ids -> arrayOf(ids.stream().map(LongNode::valueOf).toList())));
            case PRIORITY, SOURCE -> word().map(TextNode::valueOf);
            // never a number a lenient parser could still read (spaces, dashes and national numbers are accepted)
            case PHONE -> Arbitraries.oneOf(
                    word(),
                    word().map(w -> "+34600" + w),
                    Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(2).map(d -> "+" + d),
                    Arbitraries.strings().numeric().ofMinLength(31).ofMaxLength(40).map(d -> "+" + d),
                    Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(14).map(d -> "+0" + d),
                    Arbitraries.of("+34600123456#", "+34_600_123_456", "++34600123456", "+34600123456 ext")).map(TextNode::valueOf);
            case LANGUAGE -> Arbitraries.oneOf(
                    Arbitraries.strings().alpha().ofLength(1),
                    Arbitraries.strings().alpha().ofMinLength(4).ofMaxLength(12),
                    Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4),
                    Arbitraries.of("es_ES", "en-", "e1", "es-x", "es-toolongsubtag", "-es")).map(TextNode::valueOf);
            case INT_0_50 -> Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(-1), Arbitraries.integers().greaterOrEqual(51))
                    .map(IntNode::valueOf);
            case TIME_ZONE -> Arbitraries.oneOf(word(), word().map(w -> "Mars/" + w), word().map(w -> "Europe/" + w + "_x"))
                    .filter(BadInputPropertiesIT::isNotZone).map(TextNode::valueOf);
            case PREFIX -> Arbitraries.oneOf(
                    Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3),
                    Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(4).ofMaxLength(12),
                    Arbitraries.of("A1", "-", "A-", "Ä", "A B", "_")).map(TextNode::valueOf);
            case TEXT -> field.maxLength() == 0 ? null : tooLong(field.maxLength());
        };
        if (values != null && field.required() && (field.kind() == Kind.TEXT || field.kind() == Kind.TIME_ZONE
                || field.kind() == Kind.PREFIX)) {
            values = Arbitraries.oneOf(values, Arbitraries.of("", " ", "   ", "\t\n").map(TextNode::valueOf));
        }
        return java.util.Optional.ofNullable(values);
    }

    /** Longer than allowed after stripping, yet well under the body limit (built by repetition: long strings are slow to generate). */
    private static Arbitrary<JsonNode> tooLong(int maxLength) {
        return Combinators.combine(Arbitraries.integers().between(maxLength + 1, 60_000),
                        Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '.').ofMinLength(1).ofMaxLength(12))
                .as((n, pattern) -> "x" + pattern.repeat(n / pattern.length() + 1).substring(0, n - 2) + "x")
                .map(TextNode::valueOf);
    }

    private static boolean isNotZone(String zone) {
        try {
            ZoneId.of(zone.strip());
            return false;
        } catch (DateTimeException e) {
            return true;
        }
    }

    // ------------------------------------------------------------------ unknown ids

    /** A route with an id in its path (and, for POSTs, a body that would be fine). */
    private record IdRoute(String method, String template, JsonNode body) {
        Bad with(String id, int status) {
            return request(method, template.replace("{id}", id), body, status);
        }
    }

    private static List<IdRoute> idRoutes() {
        var routes = new ArrayList<IdRoute>();
        routes.add(new IdRoute("GET", "/api/tickets/{id}", null));
        routes.add(new IdRoute("GET", "/api/tickets/{id}/history", null));
        routes.add(new IdRoute("POST", "/api/tickets/{id}/cancel", null));
        routes.add(new IdRoute("POST", "/api/tickets/{id}/requeue", null));
        routes.add(new IdRoute("POST", "/api/tickets/{id}/priority", obj("priority", "emergency")));
        routes.add(new IdRoute("POST", "/api/tickets/{id}/transfer", obj("toServiceId", serviceC, "returnAfter", false)));
        routes.add(new IdRoute("GET", "/api/sessions/{id}", null));
        for (String action : List.of("next", "recall", "serve", "done", "no-show", "pause", "resume", "close")) {
            routes.add(new IdRoute("POST", "/api/sessions/{id}/" + action, null));
        }
        routes.add(new IdRoute("POST", "/api/sessions/{id}/next", obj("expectedCurrentTicketId", 0)));
        routes.add(new IdRoute("GET", "/api/sites/{id}", null));
        routes.add(new IdRoute("GET", "/api/sites/{id}/services", null));
        routes.add(new IdRoute("GET", "/api/sites/{id}/rooms", null));
        routes.add(new IdRoute("GET", "/api/sites/{id}/queue-status", null));
        routes.add(new IdRoute("GET", "/api/sites/{id}/tickets?number=A-001", null));
        routes.add(new IdRoute("POST", "/api/sites/{id}/services", obj("name", "Physiotherapy", "prefix", "P")));
        routes.add(new IdRoute("POST", "/api/sites/{id}/rooms", obj("name", "Room 9")));
        routes.add(new IdRoute("GET", "/api/services/{id}/tickets", null));
        return routes;
    }

    @Provide
    Arbitrary<Bad> unknownIds() {
        Arbitrary<IdRoute> route = Arbitraries.of(idRoutes());
        Arbitrary<Bad> unknownInPath = route.flatMap(r -> Arbitraries.longs().between(UNKNOWN_ID_FLOOR, Long.MAX_VALUE)
                .map(id -> r.with(Long.toString(id), 404)));
        Arbitrary<Bad> notPositiveInPath = route.flatMap(r -> Arbitraries.longs().between(Long.MIN_VALUE, 0)
                .map(id -> r.with(Long.toString(id), 400)));
        Arbitrary<String> notANumber = Arbitraries.oneOf(
                word(),
                Arbitraries.of("1.5", "1e3", "0x10", "12abc", "-", "-0.0", "9223372036854775808", "99999999999999999999",
                        "-9223372036854775809", "1_000", "%20", "1%20", "%2B"),
                Arbitraries.longs().between(1, 1000).map(n -> n + "x"));
        Arbitrary<Bad> notANumberInPath = route.flatMap(r -> notANumber.map(id -> r.with(id, 400)));

        Arbitrary<Long> unknown = Arbitraries.oneOf(
                Arbitraries.longs().between(UNKNOWN_ID_FLOOR, Long.MAX_VALUE),
                Arbitraries.longs().between(Long.MIN_VALUE, 0));
        String transfer = "/api/tickets/" + ticketWaiting + "/transfer";
        Arbitrary<Bad> unknownInBody = Arbitraries.oneOf(
                unknown.flatMap(id -> Arbitraries.of(
                                obj("serviceId", id),
                                obj("serviceId", id, "priority", "emergency", "source", "kiosk"),
                                obj("serviceId", id, "patientName", "Ann Example", "phone", "+34600123456")))
                        .map(body -> post("/api/tickets", body, 422)),
                unknown.map(id -> post("/api/sessions", obj("roomId", id, "serviceIds", List.of(serviceB)), 422)),
                unknown.map(id -> post("/api/sessions", obj("roomId", room3, "serviceIds", List.of(serviceB, id)), 422)),
                unknown.map(id -> post("/api/sessions", obj("roomId", room1, "serviceIds", List.of(id)), 422)),
                unknown.map(id -> post(transfer, obj("toServiceId", id), 422)),
                Arbitraries.of(true, false).map(back -> post(transfer, obj("toServiceId", otherSiteService, "returnAfter", back), 422)),
                Arbitraries.just(post("/api/sessions", obj("roomId", room3, "serviceIds", List.of(otherSiteService)), 422)),
                Arbitraries.just(post("/api/sessions", obj("roomId", otherSiteRoom, "serviceIds", List.of(serviceB)), 422)),
                // a stale Next: the session's current patient is nobody, not this ticket
                unknown.filter(id -> id != 0).map(id ->
                        post("/api/sessions/" + sessionNoCurrent + "/next", obj("expectedCurrentTicketId", id), 409)));
        return Arbitraries.frequencyOf(
                Tuple.of(4, unknownInPath), Tuple.of(2, notPositiveInPath), Tuple.of(2, notANumberInPath),
                Tuple.of(4, unknownInBody));
    }

    // ------------------------------------------------------------------ huge bodies

    @Provide
    Arbitrary<Bad> hugeBodies() {
        Arbitrary<Integer> size = Arbitraries.integers().between(MAX_BODY + 1, 4 * MAX_BODY);
        List<Endpoint> endpoints = endpoints();
        Arbitrary<Bad> padded = Arbitraries.of(endpoints).flatMap(e -> size.map(n -> {
            String json = e.template().toString();
            return post(e.path(), json.substring(0, json.length() - 1) + " ".repeat(Math.max(0, n - json.length()))
                    + "}", 400, 413);
        }));
        Arbitrary<Bad> hugeString = size.flatMap(n -> Arbitraries.of(
                post("/api/tickets", obj("serviceId", serviceA, "patientName", "x".repeat(n)), 400, 413),
                post("/api/tickets", obj("serviceId", serviceA, "assignedDoctor", "é".repeat(n / 2 + 1)), 400, 413),
                post("/api/sessions", obj("roomId", room3, "serviceIds", List.of(serviceB), "doctor", "y".repeat(n)), 400, 413),
                post("/api/sites", obj("name", "z".repeat(n), "timeZone", "UTC"), 400, 413),
                post("/api/sites/" + siteId + "/rooms", obj("name", "r".repeat(n)), 400, 413)));
        Arbitrary<Bad> hugeArray = size.map(n -> {
            var ids = new ArrayList<Long>();
            for (int i = 0; i < n / 2; i++) {
                ids.add(serviceB);
            }
            return post("/api/sessions", obj("roomId", room3, "serviceIds", ids), 400, 413);
        });
        Arbitrary<Bad> blankForNext = size.map(n ->
                post("/api/sessions/" + sessionNoCurrent + "/next", " ".repeat(n), 400, 413));
        Arbitrary<Bad> junk = size.flatMap(n -> Arbitraries.of(endpoints).map(e -> post(e.path(), "[".repeat(n), 400, 413)));
        return Arbitraries.oneOf(padded, hugeString, hugeArray, blankForNext, junk)
                .flatMap(bad -> Arbitraries.of(false, true).map(bad::chunked));
    }

    // ------------------------------------------------------------------ Idempotency-Key

    @Provide
    Arbitrary<Bad> invalidIdempotencyKeys() {
        // requests that would each succeed and change something (Next on an idle session succeeds, changing nothing)
        List<Bad> wouldSucceed = List.of(
                post("/api/tickets", obj("serviceId", serviceA), 400),
                post("/api/tickets", obj("serviceId", serviceB, "priority", "emergency", "patientName", "Bo"), 400),
                post("/api/tickets/" + ticketWaiting + "/cancel", null, 400),
                post("/api/tickets/" + ticketWaiting + "/priority", obj("priority", "emergency"), 400),
                post("/api/tickets/" + ticketWaiting + "/transfer", obj("toServiceId", serviceC), 400),
                post("/api/sessions", obj("roomId", room3, "serviceIds", List.of(serviceB)), 400),
                post("/api/sessions/" + sessionNoCurrent + "/next", null, 400),
                post("/api/sessions/" + sessionWithCalled + "/serve", null, 400),
                post("/api/sessions/" + sessionWithCalled + "/pause", null, 400),
                post("/api/sessions/" + sessionPaused + "/resume", null, 400));
        Arbitrary<String> visible = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> tooLong = Arbitraries.strings().withCharRange('!', '~').ofMinLength(129).ofMaxLength(2_000);
        // only ASCII: the JDK client sends any other character as '?', which makes a valid key
        Arbitrary<Character> badChar = Arbitraries.oneOf(
                Arbitraries.of(' ', '\t', '\u007f'),
                Arbitraries.chars().range('\u0000', '\u001f'));
        Arbitrary<String> withBadChar = Combinators.combine(visible, badChar, visible).as((a, c, b) -> a + c + b);
        Arbitrary<String> key = Arbitraries.oneOf(tooLong, withBadChar, Arbitraries.just(""))
                .filter(BadInputPropertiesIT::clientCanSend);
        return Arbitraries.of(wouldSucceed).flatMap(bad -> key.map(k -> bad.withHeader("Idempotency-Key", k)));
    }

    /** The JDK client refuses to send some header values (e.g. most control characters); those cannot be tested here. */
    private static boolean clientCanSend(String headerValue) {
        if (headerValue.chars().anyMatch(c -> c > 0x7f)) {
            return false;
        }
        try {
            HttpRequest.newBuilder().header("Idempotency-Key", headerValue);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ illegal lifecycle transitions

    @Provide
    Arbitrary<Bad> illegalTransitions() {
        String session = "/api/sessions/";
        String ticket = "/api/tickets/";
        List<Arbitrary<Bad>> cases = new ArrayList<>();
        for (String action : List.of("recall", "serve", "done", "no-show")) {
            cases.add(Arbitraries.just(conflict(session + sessionNoCurrent + "/" + action, null, "none")));
            cases.add(Arbitraries.just(conflict(session + sessionPaused + "/" + action, null, "none")));
        }
        for (String action : List.of("next", "recall", "serve", "done", "no-show", "pause", "resume", "close")) {
            cases.add(Arbitraries.just(conflict(session + sessionClosed + "/" + action, null, "closed")));
        }
        cases.add(Arbitraries.just(conflict(session + sessionPaused + "/next", null, "paused")));
        cases.add(Arbitraries.just(conflict(session + sessionPaused + "/next", obj("expectedCurrentTicketId", 0), "paused")));
        cases.add(Arbitraries.just(conflict(session + sessionWithCalled + "/close", null, "called")));

        cases.add(Arbitraries.just(conflict(ticket + ticketDone + "/cancel", null, "done")));
        cases.add(Arbitraries.just(conflict(ticket + ticketCalled + "/cancel", null, "called")));
        cases.add(Arbitraries.just(conflict(ticket + ticketCancelled + "/cancel", null, "cancelled")));
        cases.add(Arbitraries.just(conflict(ticket + ticketWaiting + "/requeue", null, "waiting")));
        cases.add(Arbitraries.just(conflict(ticket + ticketDone + "/requeue", null, "done")));
        cases.add(Arbitraries.just(conflict(ticket + ticketCalled + "/requeue", null, "called")));
        cases.add(Arbitraries.just(conflict(ticket + ticketCancelled + "/requeue", null, "cancelled")));

        Arbitrary<JsonNode> transferBody = Combinators.combine(Arbitraries.of(serviceA, serviceB, serviceC),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.3))
                .as((to, back) -> back == null ? obj("toServiceId", to) : obj("toServiceId", to, "returnAfter", back));
        cases.add(transferBody.map(body -> conflict(ticket + ticketCancelled + "/transfer", body, "cancelled")));
        cases.add(transferBody.map(body -> conflict(ticket + ticketDone + "/transfer", body, "done")));

        Arbitrary<JsonNode> priorityBody = Arbitraries.of(Priority.values())
                .flatMap(p -> Arbitraries.of(p.wireName(), p.name(), " " + p.wireName() + " "))
                .map(p -> obj("priority", p));
        cases.add(priorityBody.map(body -> conflict(ticket + ticketCalled + "/priority", body, "called")));
        cases.add(priorityBody.map(body -> conflict(ticket + ticketDone + "/priority", body, "done")));
        cases.add(priorityBody.map(body -> conflict(ticket + ticketCancelled + "/priority", body, "cancelled")));

        // with or without a fresh, valid Idempotency-Key: a refused change must not store the key either
        Arbitrary<String> key = Arbitraries.strings().withCharRange('a', 'z').numeric().ofLength(24).injectNull(0.5);
        return Arbitraries.oneOf(cases).flatMap(bad -> key.map(k -> k == null ? bad : bad.withHeader("Idempotency-Key", k)));
    }

    // ------------------------------------------------------------------ unknown routes, wrong methods

    @Provide
    Arbitrary<Bad> unknownRoutes() {
        Arbitrary<String> segment = Arbitraries.strings().alpha().numeric().withChars('-', '_', '.')
                .ofMinLength(1).ofMaxLength(16)
                .filter(s -> !s.equals(".") && !s.equals(".."));
        Arbitrary<String> method = Arbitraries.of("GET", "POST");
        Arbitrary<Bad> unknown = Arbitraries.oneOf(
                unknownUnder("", segment, Set.of("api", "health", "metrics", "openapi.json")),
                unknownUnder("/api", segment, Set.of("sites", "tickets", "services", "sessions")),
                unknownUnder("/api/tickets/" + ticketWaiting, segment,
                        Set.of("history", "cancel", "requeue", "priority", "transfer")),
                unknownUnder("/api/sites/" + siteId, segment, Set.of("services", "rooms", "queue-status", "tickets", "events")),
                unknownUnder("/api/sessions/" + sessionNoCurrent, segment,
                        Set.of("next", "recall", "serve", "done", "no-show", "pause", "resume", "close")),
                unknownUnder("/api/services/" + serviceA, segment, Set.of("tickets")))
                .flatMap(path -> method.map(m -> request(m, path, null, 404)));

        Map<String, List<String>> wrongMethods = new LinkedHashMap<>();
        wrongMethods.put("/api/sites", List.of("PUT", "DELETE", "PATCH"));
        wrongMethods.put("/api/sites/" + siteId, List.of("POST", "PUT", "DELETE", "PATCH"));
        wrongMethods.put("/api/sites/" + siteId + "/queue-status", List.of("POST", "PUT", "DELETE"));
        wrongMethods.put("/api/tickets", List.of("GET", "PUT", "DELETE", "PATCH"));
        wrongMethods.put("/api/tickets/" + ticketWaiting, List.of("POST", "PUT", "DELETE", "PATCH"));
        wrongMethods.put("/api/tickets/" + ticketWaiting + "/cancel", List.of("GET", "PUT", "DELETE"));
        wrongMethods.put("/api/tickets/" + ticketWaiting + "/priority", List.of("GET", "PUT", "PATCH"));
        wrongMethods.put("/api/sessions", List.of("GET", "PUT", "DELETE"));
        wrongMethods.put("/api/sessions/" + sessionNoCurrent, List.of("POST", "PUT", "DELETE"));
        wrongMethods.put("/api/sessions/" + sessionNoCurrent + "/next", List.of("GET", "PUT", "DELETE"));
        wrongMethods.put("/health", List.of("POST", "PUT", "DELETE"));
        List<Bad> wrong = new ArrayList<>();
        wrongMethods.forEach((path, methods) -> methods.forEach(m -> {
            wrong.add(request(m, path, null, 404, 405));
            if (!m.equals("GET")) {
                wrong.add(request(m, path, obj("priority", "emergency"), 404, 405));
            }
        }));
        return Arbitraries.oneOf(unknown, Arbitraries.of(wrong));
    }

    private static Arbitrary<String> unknownUnder(String prefix, Arbitrary<String> segment, Set<String> taken) {
        return Combinators.combine(segment.filter(s -> taken.stream().noneMatch(s::equalsIgnoreCase)),
                        segment.list().ofMaxSize(2))
                .as((first, more) -> prefix + "/" + first + more.stream().map(s -> "/" + s).collect(Collectors.joining()));
    }

    // ------------------------------------------------------------------ building blocks

    /** One request the server must refuse; {@code statuses} empty means any 4xx. */
    record Bad(String method, String path, Map<String, String> headers, byte[] body, boolean chunked,
               Set<Integer> statuses, String currentState) {

        Bad withHeader(String name, String value) {
            var more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Bad(method, path, Map.copyOf(more), body, chunked, statuses, currentState);
        }

        Bad chunked(boolean sendChunked) {
            return new Bad(method, path, headers, body, sendChunked, statuses, currentState);
        }

        @Override
        public String toString() {
            String text = body == null ? "" : " " + abbreviate(new String(body, UTF_8), 200)
                    + (body.length > 200 ? " (" + body.length + " bytes)" : "");
            String shownHeaders = headers.entrySet().stream()
                    .map(h -> " [" + h.getKey() + ": " + escape(abbreviate(h.getValue(), 60)) + " (" + h.getValue().length()
                            + " chars)]")
                    .collect(Collectors.joining());
            return method + " " + path + shownHeaders + (chunked ? " [chunked]" : "") + text + " — expected "
                    + (statuses.isEmpty() ? "4xx" : statuses.stream().sorted().toList())
                    + (currentState == null ? "" : " with currentState " + currentState);
        }
    }

    private static Bad request(String method, String path, Object body, int... statuses) {
        byte[] bytes;
        if (body == null) {
            bytes = null;
        } else if (body instanceof byte[] b) {
            bytes = b;
        } else if (body instanceof String s) {
            bytes = s.getBytes(UTF_8);
        } else {
            bytes = body.toString().getBytes(UTF_8);
        }
        return new Bad(method, path, Map.of(), bytes, false,
                Arrays.stream(statuses).boxed().collect(Collectors.toUnmodifiableSet()), null);
    }

    private static Bad post(String path, Object body, int... statuses) {
        return request("POST", path, body, statuses);
    }

    private static Bad conflict(String path, Object body, String currentState) {
        Bad bad = post(path, body, 409);
        return new Bad(bad.method(), bad.path(), bad.headers(), bad.body(), false, bad.statuses(), currentState);
    }

    private static ObjectNode obj(Object... keysAndValues) {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
        }
        return node;
    }

    private static ArrayNode arrayOf(List<? extends JsonNode> elements) {
        ArrayNode array = NODES.arrayNode();
        elements.forEach(array::add);
        return array;
    }

    /** Letters only, and none of the words Jackson or our enums would read as a value. */
    private static Arbitrary<String> word() {
        Set<String> reserved = Stream.concat(
                        Stream.of("null", "true", "false", "nan", "infinity"),
                        Stream.concat(Arrays.stream(Priority.values()).map(Priority::wireName),
                                Arrays.stream(TicketSource.values()).map(TicketSource::wireName)))
                .collect(Collectors.toSet());
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                .filter(w -> !reserved.contains(w.toLowerCase(Locale.ROOT)));
    }

    private static Arbitrary<JsonNode> objectValue() {
        Arbitrary<JsonNode> value = Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (JsonNode) IntNode.valueOf(i)),
                word().map(TextNode::valueOf));
        return Arbitraries.oneOf(
                Arbitraries.just(obj()),
                Combinators.combine(word(), value).as((k, v) -> (JsonNode) obj(k, v)));
    }

    private static Arbitrary<JsonNode> anyJsonValue() {
        return Arbitraries.oneOf(
                Arbitraries.just(NullNode.getInstance()),
                Arbitraries.of(true, false).map(BooleanNode::valueOf),
                Arbitraries.integers().map(IntNode::valueOf),
                Arbitraries.strings().ofMaxLength(20).map(TextNode::valueOf),
                objectValue(),
                Arbitraries.integers().list().ofMaxSize(3).map(l -> arrayOf(l.stream().map(IntNode::valueOf).toList())));
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static String escape(String text) {
        var out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
