package org.queuedesk.server.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.site.CreateRoomRequest;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.common.site.CreateSiteRequest;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;

/** A small HTTP client for the queue server's API, over the JDK's HttpClient, for tests and benchmarks. */
public final class Api {

    public static final ObjectMapper JSON = JsonMapperFactory.create();
    private final HttpClient http;
    private final String base;
    private final String token;

    public Api(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), null);
    }

    private Api(String baseUrl, HttpClient http, String token) {
        this.base = baseUrl;
        this.http = http;
        this.token = token;
    }

    /** The same client, sending {@code Authorization: Bearer token} (null: no credentials). */
    public Api withToken(String bearerToken) {
        return new Api(base, http, bearerToken);
    }

    /** Signs in with the built-in provider and returns a client that sends the access token. */
    public Api signedInAs(String username, String password) {
        var tokens = post("/api/auth/login", new org.queuedesk.common.auth.LoginRequest(username, password))
                .as(org.queuedesk.common.auth.TokenResponse.class);
        return withToken(tokens.accessToken());
    }

    /** A raw answer: status, content type and body text. */
    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public <T> T as(Class<T> type) {
            if (status >= 300) {
                throw new AssertionError("HTTP " + status + ": " + body);
            }
            try {
                return JSON.readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public <T> T as(TypeReference<T> type) {
            if (status >= 300) {
                throw new AssertionError("HTTP " + status + ": " + body);
            }
            try {
                return JSON.readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, Object body) {
        return post(path, body, null);
    }

    public Response post(String path, Object body, String idempotencyKey) {
        String text;
        try {
            text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return postRaw(path, text, idempotencyKey);
    }

    public Response postRaw(String path, String body, String idempotencyKey) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            if (token != null) {
                request.setHeader("Authorization", "Bearer " + token);
            }
            var response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient http() {
        return http;
    }

    public String baseUrl() {
        return base;
    }

    // ---- typed helpers for the common calls ----

    public SiteDto createSite(String name, String zone) {
        return post("/api/sites", new CreateSiteRequest(name, zone)).as(SiteDto.class);
    }

    public ServiceDto createService(long siteId, String name, String prefix) {
        return post("/api/sites/" + siteId + "/services", new CreateServiceRequest(name, prefix, 3)).as(ServiceDto.class);
    }

    public RoomDto createRoom(long siteId, String name) {
        return post("/api/sites/" + siteId + "/rooms", new CreateRoomRequest(name)).as(RoomDto.class);
    }

    public TicketDto issue(IssueTicketRequest request) {
        return post("/api/tickets", request).as(TicketDto.class);
    }

    public TicketDto issue(long serviceId) {
        return issue(new IssueTicketRequest(serviceId, null, null, null, null, null));
    }

    public SessionDto openSession(long roomId, List<Long> serviceIds, String doctor) {
        return post("/api/sessions", new OpenSessionRequest(roomId, serviceIds, doctor)).as(SessionDto.class);
    }

    public NextResult next(long sessionId) {
        return post("/api/sessions/" + sessionId + "/next", null).as(NextResult.class);
    }

    public TicketDto ticket(long id) {
        return get("/api/tickets/" + id).as(TicketDto.class);
    }
}
