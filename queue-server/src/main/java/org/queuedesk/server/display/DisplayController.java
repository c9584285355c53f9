package org.queuedesk.server.display;

import static org.queuedesk.server.ground.Roles.ANYONE;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;

/**
 * {@code GET /display/{siteId}}: the waiting-room board as a web page for smart TVs. The page itself is a
 * public static shell (no data in it); its script reads the board with the display's device token given in
 * the address ({@code ?token=qdd_…} or {@code #token=qdd_…}) and follows the site's event stream with
 * {@code access_token=}. A display token only ever gets redacted events: numbers and rooms, no names.
 */
public final class DisplayController implements RouteSource {

    private final String page;

    public DisplayController() {
        try (InputStream in = DisplayController.class.getResourceAsStream("board.html")) {
            if (in == null) {
                throw new IllegalStateException("board.html is missing from the classpath");
            }
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The waiting-room board as a web page for smart TVs. The HTML shell is public and holds no
     * data; its script reads the board with the display's device token and opens the stream with
     * {@code access_token=}, which for a device never carries names or phone numbers.
     */
    @Override
    public void routes(Routes routes) {
        routes.get("/display/{siteId}", ANYONE, "The waiting-room board (HTML); add the display's token as ?token=", null,
                this::page);
    }

    public void page(Context ctx) {
        Requests.id(ctx, "siteId"); // a bad site id is a 400 here; an unknown one shows on the page
        String host = ctx.host() == null ? "" : " ws://" + ctx.host() + " wss://" + ctx.host();
        ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                + "connect-src 'self'" + host + "; base-uri 'none'; frame-ancestors 'none'");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.html(page);
    }
}
