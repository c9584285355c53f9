package org.queuedesk.server.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.queuedesk.server.event.EventHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /t/{token}/events}: server-sent events for one patient's status page. The page never sees the
 * site's event stream; any change at the site only marks its status pages for a refresh, and a fresh
 * {@link StatusView} of that one ticket is sent when it differs from the last one sent. The refresh runs on
 * this stream's own thread, so the committing writer (and Next) never waits for it.
 */
public final class StatusStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusStream.class);
    private final StatusService status;
    private final EventHub hub;
    private final ObjectMapper json;
    private final ScheduledExecutorService executor;
    private final Map<Long, Set<Page>> pagesBySite = new ConcurrentHashMap<>();
    private final Map<Long, Runnable> subscriptions = new ConcurrentHashMap<>();
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    private static final class Page {
        final SseClient client;
        final String token;
        String lastSent;

        Page(SseClient client, String token) {
            this.client = client;
            this.token = token;
        }
    }

    public StatusStream(StatusService status, EventHub hub, ObjectMapper json) {
        this.status = status;
        this.hub = hub;
        this.json = json;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "queuedesk-status-pages");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleAtFixedRate(this::heartbeat, 20, 20, TimeUnit.SECONDS);
    }

    public void connect(SseClient client) {
        String token = client.ctx().pathParam("token");
        var resolved = status.resolve(token);
        if (resolved.isEmpty()) {
            client.sendEvent("expired", "{}");
            client.close();
            return;
        }
        long siteId = status.siteOf(resolved.get());
        var page = new Page(client, token);
        client.keepAlive();
        client.onClose(() -> pagesBySite.getOrDefault(siteId, Set.of()).remove(page));
        pagesBySite.computeIfAbsent(siteId, id -> ConcurrentHashMap.newKeySet()).add(page);
        subscriptions.computeIfAbsent(siteId, id -> hub.subscribe(id, event -> refreshSoon(id)));
        executor.execute(() -> refresh(page, siteId));
    }

    /** On the committing thread: only marks the site and hands the work to our thread. */
    private void refreshSoon(long siteId) {
        if (pending.add(siteId)) {
            try {
                executor.execute(() -> {
                    pending.remove(siteId);
                    pagesBySite.getOrDefault(siteId, Set.of()).forEach(page -> refresh(page, siteId));
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                pending.remove(siteId);
            }
        }
    }

    private void refresh(Page page, long siteId) {
        if (page.client.terminated()) {
            pagesBySite.getOrDefault(siteId, Set.of()).remove(page);
            return;
        }
        try {
            var view = status.view(page.token);
            if (view.isEmpty()) {
                page.client.sendEvent("expired", "{}");
                page.client.close();
                pagesBySite.getOrDefault(siteId, Set.of()).remove(page);
                return;
            }
            String body = json.writeValueAsString(view.get());
            if (!body.equals(page.lastSent)) {
                page.client.sendEvent("status", body);
                page.lastSent = body;
            }
        } catch (JsonProcessingException | RuntimeException e) {
            log.debug("Status page update failed; the page reconnects by itself", e);
            pagesBySite.getOrDefault(siteId, Set.of()).remove(page);
            page.client.close();
        }
    }

    private void heartbeat() {
        pagesBySite.forEach((siteId, pages) -> pages.forEach(page -> {
            if (page.client.terminated()) {
                pages.remove(page);
            } else {
                page.client.sendComment("keep-alive");
            }
        }));
    }

    @Override
    public void close() {
        subscriptions.values().forEach(Runnable::run);
        executor.shutdownNow();
        pagesBySite.values().forEach(pages -> pages.forEach(p -> p.client.close()));
    }
}
