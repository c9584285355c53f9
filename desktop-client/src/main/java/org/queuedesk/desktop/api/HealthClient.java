package org.queuedesk.desktop.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks the queue server whether it is up. Blocking: call it through the background seam only. */
public final class HealthClient {

    private final HttpClient http;
    private final Duration timeout;

    public HealthClient(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    public static HealthClient withDefaults() {
        Duration timeout = Duration.ofSeconds(2);
        // built by the first check, on the background seam, not while the first window is being made
        HttpClient http = new LazyHttpClient(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build());
        return new HealthClient(http, timeout);
    }

    public HealthStatus check(URI server) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(healthUri(server)).timeout(timeout).GET().build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        return new HealthStatus(response.statusCode());
    }

    /** {@code http://host:7070/qd/} becomes {@code http://host:7070/qd/health}; keeps any path prefix. */
    static URI healthUri(URI server) {
        String base = server.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/health");
    }
}
