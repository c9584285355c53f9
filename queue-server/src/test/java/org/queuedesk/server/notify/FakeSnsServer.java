package org.queuedesk.server.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * An SNS-compatible server for tests, on loopback and a random port: the Query protocol (form-encoded
 * requests, XML answers) for {@code Publish} to a phone number or a topic ({@code TopicArn}: alerts),
 * {@code CheckIfPhoneNumberIsOptedOut},
 * {@code GetSMSAttributes} and {@code SetSMSAttributes}. It records what it accepted and can fail on
 * purpose: 500s, {@code Throttling}, replies that hang (after accepting the message, as a slow SNS does)
 * and dropped connections.
 */
public final class FakeSnsServer implements AutoCloseable {

    static final String NS = "http://sns.amazonaws.com/doc/2010-03-31/";

    public enum Fault { NONE, SERVER_ERROR, THROTTLING, HANG, DROP }

    /** One accepted Publish; {@code receivedNanos} is {@link System#nanoTime()} when it arrived. */
    public record Published(String phone, String message, Map<String, String> attributes, String messageId,
                            long receivedNanos) {
    }

    /** One accepted Publish to a topic (alerts for a manager on call). */
    public record TopicMessage(String topicArn, String subject, String message, String messageId) {
    }

    private final List<TopicMessage> topicMessages = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        var t = new Thread(r, "fake-sns");
        t.setDaemon(true);
        return t;
    });
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final Set<String> optedOut = ConcurrentHashMap.newKeySet();
    private final Map<String, String> smsAttributes = new ConcurrentHashMap<>();
    private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
    private final AtomicInteger faultsLeft = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger hanging = new AtomicInteger();
    private final AtomicInteger optOutChecks = new AtomicInteger();
    private volatile CountDownLatch release = new CountDownLatch(1);
    private volatile boolean publishOnly;

    static {
        // TCP_NODELAY on the JDK server's sockets: without it every SNS call here waits ~40 ms on Nagle and
        // delayed ACKs, a stall real SNS does not have. Read once, when the first HttpServer is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private FakeSnsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeSnsServer start() {
        try {
            return new FakeSnsServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request fails this way from now on (until {@link #heal()}). */
    public void fail(Fault kind) {
        fail(kind, false);
    }

    /** Like {@link #fail(Fault)}; with {@code publishOnly} other actions (opt-out checks) still answer. */
    public void fail(Fault kind, boolean publishOnly) {
        this.publishOnly = publishOnly;
        faultsLeft.set(Integer.MAX_VALUE);
        fault.set(kind);
    }

    /** The next {@code times} requests fail this way, then all is well again. */
    public void failNext(int times, Fault kind) {
        faultsLeft.set(times);
        fault.set(kind);
    }

    /** Back to normal; hanging requests are answered (too late for a client that gave up). */
    public void heal() {
        fault.set(Fault.NONE);
        publishOnly = false;
        release.countDown();
        release = new CountDownLatch(1);
    }

    public void optOut(String phone) {
        optedOut.add(phone);
    }

    public List<Published> published() {
        return List.copyOf(published);
    }

    /** What was published to topics (not counted in {@link #published()}, which holds text messages). */
    public List<TopicMessage> topicMessages() {
        return List.copyOf(topicMessages);
    }

    public List<Published> publishedTo(String phone) {
        return published.stream().filter(p -> p.phone().equals(phone)).toList();
    }

    /** Messages accepted more than once (same number, same text): the price of at-least-once. */
    public int duplicates() {
        var seen = new HashMap<String, Integer>();
        published.forEach(p -> seen.merge(p.phone() + "\n" + p.message(), 1, Integer::sum));
        return seen.values().stream().mapToInt(n -> n - 1).sum();
    }

    public int requests() {
        return requests.get();
    }

    public int failedRequests() {
        return failed.get();
    }

    public int hangingRequests() {
        return hanging.get();
    }

    public int optOutChecks() {
        return optOutChecks.get();
    }

    public Map<String, String> smsAttributes() {
        return Map.copyOf(smsAttributes);
    }

    /** Waits (without sleeping blind) until {@code condition} holds, or fails after {@code timeout}. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Every answer takes this long from now on, as real SNS does across a network; {@link #maxInFlight} restarts. */
    public void latency(Duration each) {
        latencyNanos = each.toNanos();
        maxInFlight.set(0);
    }

    private volatile long latencyNanos;

    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The most requests this server was answering at one time: counted over each request's latency, which ends
     * before its answer is written. (Counted until the answer was sent, a client that had its answer could send
     * its next request before the count went down, and one sender looked like two.)
     */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        answer(exchange);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            if (latencyNanos > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(latencyNanos); // a fake network, not a test's wait
            }
        } finally {
            inFlight.decrementAndGet();
        }
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String action = form.getOrDefault("Action", "");
        Fault now = publishOnly && !"Publish".equals(action) ? Fault.NONE : currentFault();
        try {
            switch (now) {
                case SERVER_ERROR -> {
                    failed.incrementAndGet();
                    error(exchange, 500, "Receiver", "InternalError", "The server encountered an internal error.");
                    return;
                }
                case THROTTLING -> {
                    failed.incrementAndGet();
                    error(exchange, 400, "Sender", "Throttling", "Rate exceeded");
                    return;
                }
                case DROP -> {
                    failed.incrementAndGet();
                    exchange.close();
                    return;
                }
                case HANG -> {
                    failed.incrementAndGet();
                    // SNS took the message, but its answer never arrives in time
                    if ("Publish".equals(action) && !form.containsKey("TopicArn")) {
                        accept(form);
                    } else if ("Publish".equals(action)) {
                        acceptForTopic(form);
                    }
                    hanging.incrementAndGet();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        hanging.decrementAndGet();
                    }
                    reply(exchange, action, "<" + action + "Result/>");
                    return;
                }
                default -> {
                }
            }
            switch (action) {
                case "Publish" -> {
                    String messageId = form.containsKey("TopicArn") ? acceptForTopic(form) : accept(form).messageId();
                    reply(exchange, action, "<PublishResult><MessageId>" + messageId + "</MessageId></PublishResult>");
                }
                case "CheckIfPhoneNumberIsOptedOut" -> {
                    optOutChecks.incrementAndGet();
                    boolean out = optedOut.contains(form.get("phoneNumber"));
                    reply(exchange, action, "<CheckIfPhoneNumberIsOptedOutResult><isOptedOut>" + out
                            + "</isOptedOut></CheckIfPhoneNumberIsOptedOutResult>");
                }
                case "SetSMSAttributes" -> {
                    for (int i = 1; form.containsKey("attributes.entry." + i + ".key"); i++) {
                        smsAttributes.put(form.get("attributes.entry." + i + ".key"), form.get("attributes.entry." + i + ".value"));
                    }
                    reply(exchange, action, "<SetSMSAttributesResult/>");
                }
                case "GetSMSAttributes" -> {
                    var names = new ArrayList<String>();
                    for (int i = 1; form.containsKey("attributes.member." + i); i++) {
                        names.add(form.get("attributes.member." + i));
                    }
                    var xml = new StringBuilder("<GetSMSAttributesResult><attributes>");
                    smsAttributes.forEach((k, v) -> {
                        if (names.isEmpty() || names.contains(k)) {
                            xml.append("<entry><key>").append(esc(k)).append("</key><value>").append(esc(v))
                                    .append("</value></entry>");
                        }
                    });
                    reply(exchange, action, xml.append("</attributes></GetSMSAttributesResult>").toString());
                }
                default -> error(exchange, 400, "Sender", "InvalidAction", "Unknown action " + action);
            }
        } finally {
            exchange.close();
        }
    }

    private Fault currentFault() {
        Fault f = fault.get();
        if (f == Fault.NONE) {
            return f;
        }
        if (faultsLeft.getAndDecrement() <= 0) {
            fault.compareAndSet(f, Fault.NONE);
            return Fault.NONE;
        }
        return f;
    }

    private String acceptForTopic(Map<String, String> form) {
        var m = new TopicMessage(form.get("TopicArn"), form.get("Subject"), form.get("Message"),
                UUID.randomUUID().toString());
        topicMessages.add(m);
        return m.messageId();
    }

    private Published accept(Map<String, String> form) {
        var attributes = new LinkedHashMap<String, String>();
        for (int i = 1; form.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
            String prefix = "MessageAttributes.entry." + i + ".";
            attributes.put(form.get(prefix + "Name"), form.get(prefix + "Value.StringValue"));
        }
        var p = new Published(form.get("PhoneNumber"), form.get("Message"), Map.copyOf(attributes),
                UUID.randomUUID().toString(), System.nanoTime());
        published.add(p);
        return p;
    }

    /** The result element must come before ResponseMetadata, or the SDK reads the result as empty. */
    private static void reply(HttpExchange exchange, String action, String resultXml) throws IOException {
        String xml = "<" + action + "Response xmlns=\"" + NS + "\">" + resultXml
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></"
                + action + "Response>";
        send(exchange, 200, xml);
    }

    private static void error(HttpExchange exchange, int status, String type, String code, String message)
            throws IOException {
        send(exchange, status, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>" + type + "</Type><Code>" + code
                + "</Code><Message>" + esc(message) + "</Message></Error><RequestId>" + UUID.randomUUID()
                + "</RequestId></ErrorResponse>");
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGone) {
            // the client timed out meanwhile
        }
    }

    private static Map<String, String> parse(String body) {
        var form = new HashMap<String, String>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
