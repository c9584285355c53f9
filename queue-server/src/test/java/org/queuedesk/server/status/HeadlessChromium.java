package org.queuedesk.server.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium for page tests, driven over the Chrome DevTools protocol with the JDK's own
 * HTTP and WebSocket clients: no Selenium, no chromedriver whose version must match the browser.
 * {@link #dumpDom} is the one-shot rendering check ({@code --dump-dom}). Public for the display board's
 * page test, which lives in another package.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final Process process;
    private final Path profile;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private HeadlessChromium(Process process, Path profile, int port) {
        this.process = process;
        this.profile = profile;
        this.port = port;
    }

    static String binary() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No Chromium found: install Debian's 'chromium' (apt-get install -y chromium)");
    }

    private static List<String> command(Path profile, String... extra) {
        var cmd = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    private static Path newProfile() throws IOException {
        Files.createDirectories(Path.of("target"));
        return Files.createTempDirectory(Path.of("target"), "chromium-");
    }

    /** The page's DOM after its scripts ran, as Chromium serialises it. */
    static String dumpDom(String url) throws IOException, InterruptedException {
        Path profile = newProfile();
        Path out = profile.resolve("dom.html");
        var process = new ProcessBuilder(command(profile, "--dump-dom", url))
                .redirectOutput(out.toFile())
                .redirectError(profile.resolve("stderr.log").toFile())
                .start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium --dump-dom did not finish in " + TIMEOUT.toSeconds() + " s");
        }
        return Files.readString(out);
    }

    public static HeadlessChromium start() throws IOException, InterruptedException {
        Path profile = newProfile();
        var process = new ProcessBuilder(command(profile, "--remote-debugging-port=0", "about:blank"))
                .redirectOutput(profile.resolve("stdout.log").toFile())
                .redirectError(profile.resolve("stderr.log").toFile())
                .start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("Chromium did not open its DevTools port: "
                        + Files.readString(profile.resolve("stderr.log")));
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
        return new HeadlessChromium(process, profile, Integer.parseInt(Files.readAllLines(portFile).get(0).strip()));
    }

    /** A new tab, as a phone would show it. */
    public Tab newTab() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String ws = JSON.readTree(response.body()).get("webSocketDebuggerUrl").asText();
        var tab = new Tab();
        tab.socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), tab).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        tab.call("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        return tab;
    }

    /** One tab, over its DevTools WebSocket. */
    public static final class Tab implements WebSocket.Listener {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        public JsonNode call(String method, Map<String, Object> params) {
            int id = ids.incrementAndGet();
            var future = new CompletableFuture<JsonNode>();
            pending.put(id, future);
            ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
            message.set("params", JSON.valueToTree(params));
            socket.sendText(message.toString(), true);
            try {
                JsonNode reply = future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if (reply.has("error")) {
                    throw new AssertionError(method + " failed: " + reply.get("error"));
                }
                return reply.get("result");
            } catch (Exception e) {
                throw new AssertionError(method + " got no answer", e);
            }
        }

        void open(String url) {
            call("Page.navigate", Map.of("url", url));
            waitFor("document.readyState === 'complete' && !!document.getElementById('number')");
        }

        public JsonNode eval(String expression) {
            var result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                    "awaitPromise", true));
            if (result.has("exceptionDetails")) {
                throw new AssertionError(expression + " threw " + result.get("exceptionDetails"));
            }
            return result.get("result").get("value");
        }

        public String text(String selector) {
            return eval("document.querySelector(" + JSON.valueToTree(selector) + ").textContent").asText();
        }

        /** Waits inside the page, without sleeping here, until {@code condition} is true (or 30 s pass). */
        public void waitFor(String condition) {
            boolean met = eval("new Promise(function (done) { var start = Date.now(); (function check() {"
                    + " try { if (" + condition + ") { return done(true); } } catch (e) { }"
                    + " if (Date.now() - start > 30000) { return done(false); } setTimeout(check, 25); })(); })")
                    .asBoolean();
            if (!met) {
                throw new AssertionError("Timed out waiting in the page for: " + condition + "\nbody: "
                        + eval("document.body.innerText").asText());
            }
        }

        public void click(String selector) {
            eval("document.querySelector(" + JSON.valueToTree(selector) + ").click(); true");
        }

        public void screenshot(Path file) {
            var png = call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, Base64.getDecoder().decode(png));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("id")) {
                        var future = pending.remove(message.get("id").asInt());
                        if (future != null) {
                            future.complete(message);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // Chromium may still be writing; target/ is cleaned anyway
        }
    }
}
