package org.queuedesk.desktop.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.desktop.api.EventStreamClient;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.api.TokenStore;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.desktop.testing.FxThreadStandIn;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.TestServer;

/**
 * The desk's live site moved to another site (admin mode's site chooser) and back to the server's first (every
 * other desk): each time the snapshot and the events are the chosen site's only. Real server with two sites.
 */
class LiveSiteFollowSiteTest {

    private final TestServer server = TestServer.startDemoWithSignIn(Clock.systemUTC());
    private final Api admin = server.api().signedInAs("admin", "admin");
    private final FxThreadStandIn fxThread = new FxThreadStandIn();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private LiveSite live;
    private long first;
    private long firstService;

    @AfterEach
    void stop() {
        if (live != null) {
            live.stop();
        }
        scheduler.shutdownNow();
        server.close();
    }

    @Test
    void aChosenSitesSnapshotAndEventsReplaceTheFirstSitesAndNullGoesBack() throws Exception {
        var north = admin.createSite("North clinic", "UTC");
        var blood = admin.createService(north.id(), "Blood tests", "N");
        var stream = liveAtTheFirstSite();
        admin.issue(firstService);
        fxThread.runUntil("the first site's ticket", () -> live.board().byNumber("A-001").isPresent());

        live.followSite(north.id());
        fxThread.runUntil("live at the chosen site", () -> live.onlineProperty().get()
                && live.snapshot().site().id() == north.id());
        assertThat(live.board().byNumber("A-001")).as("the first site's ticket is not the chosen site's").isEmpty();
        var issued = admin.issue(blood.id());
        try {
            fxThread.runUntil("the chosen site's ticket, from its events", () -> live.board().byNumber("N-001").isPresent());
        } catch (AssertionError e) {
            // seen once in a fresh-clone CI run (session 9), never alone: say what each side had
            throw new AssertionError(e.getMessage() + "; issued " + issued + "; stream connected " + stream.connected()
                    + ", its last seq " + stream.lastSeq() + "; snapshot seq " + live.snapshot().seq() + " of site "
                    + live.snapshot().site().id() + "; online " + live.onlineProperty().get() + "; board "
                    + live.board().all().stream().map(t -> t.number()).toList() + "; server's status of the site "
                    + admin.get("/api/sites/" + north.id() + "/queue-status").body(), e);
        }

        live.followSite(null);
        fxThread.runUntil("live at the first site again", () -> live.onlineProperty().get()
                && live.snapshot().site().id() == first);
        assertThat(live.board().byNumber("N-001")).isEmpty();
        admin.issue(firstService);
        fxThread.runUntil("the first site's next ticket, from its events",
                () -> live.board().byNumber("A-002").isPresent());
    }

    /**
     * Found in a fresh-clone CI run (session 9): an event of the site left, handed to the desk but not yet run on
     * the FX thread when the admin chose another site, was applied to the new site's board. Its sequence number
     * (the first site's) then made the chosen site's first events look heard already: they never showed.
     */
    @Test
    void anEventOfTheSiteLeftStillQueuedForTheFxThreadIsDropped() throws Exception {
        var north = admin.createSite("North clinic", "UTC");
        var blood = admin.createService(north.id(), "Blood tests", "N");
        var stream = liveAtTheFirstSite();
        // several of the first site's events, heard by the stream and queued for the FX thread, none run yet
        for (int i = 0; i < 3; i++) {
            admin.issue(firstService);
        }
        long firstSiteLast = admin.get("/api/sites/" + first + "/queue-status").json().path("lastEventSeq").asLong();
        long deadline = System.nanoTime() + FxThreadStandIn.DEADLINE.toNanos();
        while (stream.lastSeq() < firstSiteLast) { // lastSeq is set in the same locked step that queues the event
            assertThat(System.nanoTime()).as("the stream hears the first site's events").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }

        live.followSite(north.id());
        fxThread.runUntil("live at the chosen site", () -> live.onlineProperty().get()
                && live.snapshot().site().id() == north.id());
        fxThread.runPending();
        assertThat(live.board().all()).as("nothing of the site left").isEmpty();
        admin.issue(blood.id());
        fxThread.runUntil("the chosen site's first ticket, from its events",
                () -> live.board().byNumber("N-001").isPresent());
    }

    /** An admin desk's live site, online at the server's first site; its stream, whose state the tests read. */
    private EventStreamClient liveAtTheFirstSite() throws Exception {
        var client = new QueueDeskClient(HttpClient.newHttpClient(), URI.create(server.baseUrl()),
                new TokenStore(Clock.systemUTC()), Duration.ofSeconds(5));
        client.login("admin", "admin");
        first = client.sites().get(0).id();
        firstService = client.services(first).get(0).id();
        var stream = new EventStreamClient(HttpClient.newHttpClient(), client.session(), scheduler,
                new ReconnectPolicy(Duration.ofMillis(400), Duration.ofMillis(100), Duration.ofMillis(400)), fxThread);
        live = new LiveSite(client, stream, new CurrentThreadExecutor(), new SimpleBooleanProperty(true),
                Theme.messages(Locale.ENGLISH));
        live.start();
        fxThread.runUntil("live at the first site", () -> live.onlineProperty().get());
        return stream;
    }
}
