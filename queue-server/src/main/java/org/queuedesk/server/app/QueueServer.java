package org.queuedesk.server.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.server.event.EventHub;
import org.queuedesk.server.event.EventLog;
import org.queuedesk.server.event.EventStream;
import org.queuedesk.server.health.HealthController;
import org.queuedesk.server.health.MetricsController;
import org.queuedesk.server.idempotency.IdempotentWrites;
import org.queuedesk.server.queue.QueueController;
import org.queuedesk.server.queue.QueueService;
import org.queuedesk.server.site.DemoData;
import org.queuedesk.server.site.SiteController;
import org.queuedesk.server.site.SiteService;
import org.queuedesk.server.ticket.TicketController;
import org.queuedesk.server.ticket.TicketMoves;
import org.queuedesk.server.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the whole server by hand from its parts (no DI framework) and starts or stops it. Tests build
 * one on a temporary SQLite file with their own clock and start it on a random port.
 */
public final class QueueServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueueServer.class);
    private static final long MAX_BODY_BYTES = 64 * 1024;
    private static final String TIMER_START = "queuedesk.timer";

    private final ServerConfig config;
    private final Database db;
    private final Javalin app;
    private final SiteService sites;
    private final ScheduledExecutorService housekeeping;
    private final IdempotentWrites writes;

    public QueueServer(ServerConfig config, Clock anyClock, Authenticator authenticator) {
        this.config = config;
        // the database keeps milliseconds; an answer must not show more precision than a later read
        Clock clock = Clock.tick(anyClock, java.time.Duration.ofMillis(1));
        createDataDir(config);
        this.db = Database.open(config.databaseFile(), config.sqlite());
        ObjectMapper json = JsonMapperFactory.create();
        var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var hub = new EventHub();
        var events = new EventLog(json, hub, clock);
        this.sites = new SiteService(db);
        var moves = new TicketMoves(events, clock);
        var tickets = new TicketService(db, moves, events, clock);
        var queue = new QueueService(db, moves, events, clock);
        this.writes = new IdempotentWrites(db, json, clock);
        var stream = new EventStream(db, events, hub, sites, metrics);
        var access = new AccessCheck(authenticator);

        var openApi = new java.util.concurrent.atomic.AtomicReference<Map<String, Object>>();
        var routes = new RouteTree(new HealthController(db), new MetricsController(metrics, db, clock),
                new SiteController(sites), new TicketController(tickets, sites, writes, clock),
                new QueueController(queue, writes), stream, ctx -> ctx.json(openApi.get()));
        openApi.set(OpenApiDocument.build(routes.routes(), routes.wsRoutes(), version()));

        this.app = Javalin.create(cfg -> configure(cfg, json, routes, access, metrics));
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "queuedesk-housekeeping");
            t.setDaemon(true);
            return t;
        });
        if (authenticator instanceof OpenAccessAuthenticator) {
            log.warn("Sign-in is not configured: every caller is treated as staff with all roles.");
        }
    }

    private void configure(JavalinConfig cfg, ObjectMapper json, RouteTree routes, AccessCheck access,
                           PrometheusMeterRegistry metrics) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.maxRequestSize = MAX_BODY_BYTES;
        cfg.jsonMapper(new JavalinJackson(json, false));
        cfg.jetty.host = config.host();
        cfg.jetty.port = config.port();
        new ErrorMapping(json).install(cfg);
        cfg.routes.before(ctx -> {
            ctx.attribute(TIMER_START, System.nanoTime());
            ctx.header("Cache-Control", "no-store");
            if (ctx.contentLength() > MAX_BODY_BYTES) {
                throw ApiProblem.badRequest("The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB.");
            }
        });
        cfg.routes.beforeMatched(access::check);
        cfg.routes.wsBeforeUpgrade(access::check);
        cfg.routes.after(ctx -> recordTiming(ctx, metrics));
        for (RouteSpec route : routes.routes()) {
            cfg.routes.addHttpHandler(route.method(), route.path(), route.handler(),
                    AccessCheck.routeRoles(route.roles()));
        }
        for (WsRouteSpec ws : routes.wsRoutes()) {
            cfg.routes.ws(ws.path(), ws.handler(), AccessCheck.routeRoles(ws.roles()));
        }
    }

    private static void recordTiming(Context ctx, PrometheusMeterRegistry metrics) {
        Long start = ctx.attribute(TIMER_START);
        if (start == null) {
            return;
        }
        var matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched == null ? "unmatched" : matched.path;
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().toString())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .register(metrics)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    public QueueServer start() {
        if (config.demo()) {
            DemoData.ensure(sites, config.demoTimeZone());
        }
        app.start();
        housekeeping.scheduleAtFixedRate(this::purgeIdempotencyKeys, 1, 60, TimeUnit.MINUTES);
        log.info("QueueDesk server listening on http://{}:{} (data: {})", displayHost(), port(),
                config.databaseFile().toAbsolutePath());
        return this;
    }

    private void purgeIdempotencyKeys() {
        try {
            writes.purgeExpired();
        } catch (RuntimeException e) {
            log.warn("Could not purge old idempotency keys", e);
        }
    }

    private String displayHost() {
        return "0.0.0.0".equals(config.host()) ? "localhost" : config.host();
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return "http://" + ("0.0.0.0".equals(config.host()) ? "127.0.0.1" : config.host()) + ":" + port();
    }

    public Database database() {
        return db;
    }

    public SiteService sites() {
        return sites;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        app.stop();
        db.close();
        log.info("QueueDesk server stopped");
    }

    private static void createDataDir(ServerConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + config.dataDir().toAbsolutePath(), e);
        }
    }

    static String version() {
        String v = QueueServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
