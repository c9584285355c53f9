package org.queuedesk.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.server.ground.ServerBusy;

/**
 * A request that found no free database connection in time (every write lane busy, or the pool's own timeout)
 * is a 503 problem with Retry-After that says nothing was changed, not a 500 (README, "Errors").
 */
class BusyAnswerTest {

    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void noFreeConnectionIsA503ProblemWithRetryAfter() throws Exception {
        app = Javalin.create(cfg -> {
            new ErrorMapping(JsonMapperFactory.create()).install(cfg);
            cfg.routes.post("/lanes", ctx -> {
                throw new ServerBusy("Every write connection stayed busy for 10 s");
            });
            cfg.routes.get("/pool", ctx -> {
                throw new IllegalStateException("read failed",
                        new SQLTransientConnectionException("queuedesk-postgresql - Connection is not available"));
            });
        }).start(0);
        var http = HttpClient.newHttpClient();
        for (var request : new HttpRequest[] {
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/lanes"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/pool")).build()}) {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(response.body()).contains("nothing was changed", "Try again");
        }
    }
}
