package org.queuedesk.server.online;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A patient's browser without a browser: opens {@code /p/{siteId}}, keeps its form cookie and token, and posts
 * the page's forms as a browser would (same origin, form-encoded). {@code accept} picks the HTML page or the
 * problem+json a script would read.
 */
final class PatientPhone {

    private static final Pattern FORM = Pattern.compile("name=\"form\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final long siteId;
    String cookie;
    String form;

    record Answer(int status, String contentType, String location, String body) {
    }

    PatientPhone(String base, long siteId) {
        this.base = base;
        this.siteId = siteId;
    }

    Answer open(String query, String acceptLanguage) {
        var request = HttpRequest.newBuilder(URI.create(base + "/p/" + siteId + (query == null ? "" : query)))
                .header("Accept", "text/html");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        var answer = send(request.GET());
        var matcher = FORM.matcher(answer.body());
        if (matcher.find()) {
            form = matcher.group(1);
        }
        return answer;
    }

    Answer askCode(long serviceId, String phone, String accept) {
        return post("/code", accept, base, fields("service", serviceId, "phone", phone));
    }

    Answer takeTicket(long serviceId, String phone, String code, String accept) {
        return post("/ticket", accept, base, fields("service", serviceId, "phone", phone, "code", code));
    }

    Map<String, String> fields(Object... pairs) {
        var map = new LinkedHashMap<String, String>();
        map.put("form", form);
        map.put("lang", "en");
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
        return map;
    }

    Answer post(String path, String accept, String origin, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(base + "/p/" + siteId + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) {
        if (cookie != null) {
            request.header("Cookie", FormGuard.COOKIE + "=" + cookie);
        }
        try {
            var response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(FormGuard.COOKIE + "="))
                    .findFirst()
                    .ifPresent(c -> cookie = c.substring(FormGuard.COOKIE.length() + 1, c.indexOf(';')));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
