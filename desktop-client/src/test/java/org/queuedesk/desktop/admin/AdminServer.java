package org.queuedesk.desktop.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.TokenStore;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.server.testing.TestServer;

/**
 * A real demo server (README: one site with services A, B, C and Rooms 1-4; users admin, reception, doctor,
 * nurse) and a client signed in as its admin, for the admin view-model tests: the expectations are the server's
 * own answers, its validation tables under queue-server/src/test/resources/validation/.
 */
final class AdminServer implements AutoCloseable {

    final Clock clock = Clock.systemUTC();
    final TestServer server = TestServer.startDemoWithSignIn(clock);
    final QueueDeskClient admin = signedIn("admin", "admin");
    final BackgroundExecutor background = new CurrentThreadExecutor();
    final ResourceBundle messages = Theme.messages(Locale.ENGLISH);

    QueueDeskClient signedIn(String username, String password) {
        var client = anonymous();
        try {
            client.login(username, password);
        } catch (Exception e) {
            throw new AssertionError("cannot sign in as " + username, e);
        }
        return client;
    }

    QueueDeskClient anonymous() {
        return new QueueDeskClient(HttpClient.newHttpClient(), URI.create(server.baseUrl()), new TokenStore(clock),
                Duration.ofSeconds(5));
    }

    long siteId() {
        try {
            return admin.sites().get(0).id();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    String text(String key) {
        return messages.getString(key);
    }

    @Override
    public void close() {
        server.close();
    }
}
